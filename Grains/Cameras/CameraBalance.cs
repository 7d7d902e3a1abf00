namespace VibeCheck.Grains.Cameras;

/// <summary>A camera as the balancer sees it: where it runs and whether moving it would cost an open episode.</summary>
public sealed record CameraLocation<TSilo>(Guid Camera, TSilo Silo, bool Busy);

/// <summary>One camera to move.</summary>
public sealed record CameraMove<TSilo>(Guid Camera, TSilo From, TSilo To);

/// <summary>
/// Plans moves of cameras between silos so that each holds its share. A camera stays on the silo where it was
/// activated: silos that join later (a scale-out, a replacement after a crash) would otherwise get none, adding no
/// polling capacity, and the first silo's death would stop nearly every camera. Moves start only when a silo is
/// more than a tenth of a share (at least one camera) off its share, and then bring every silo to within one camera
/// of the others, at most <c>maxMoves</c> per call; the caller passes <c>resume</c> after a call that planned moves,
/// so that a job spread over several calls is finished rather than stopped at the threshold. A camera with an open
/// episode stays until it ends: a move restarts the camera's background model, and a vehicle standing in the new
/// model's first frames would be learnt as street and linger as a detection when it leaves.
/// </summary>
public static class CameraBalance
{
    public static IReadOnlyList<CameraMove<TSilo>> Plan<TSilo>(
        IReadOnlyCollection<CameraLocation<TSilo>> cameras, IReadOnlyCollection<TSilo> silos, int maxMoves, bool resume = false)
        where TSilo : notnull
    {
        ArgumentNullException.ThrowIfNull(cameras);
        ArgumentNullException.ThrowIfNull(silos);
        var order = silos.Distinct().ToList();
        if (order.Count < 2 || maxMoves <= 0)
        {
            return [];
        }

        // Cameras on a silo that is not (or no longer) active are left to placement: their next call re-activates them.
        var bySilo = order.ToDictionary(s => s, s => cameras.Where(c => EqualityComparer<TSilo>.Default.Equals(c.Silo, s)).ToList());
        var counts = order.ToDictionary(s => s, s => bySilo[s].Count);
        var movable = order.ToDictionary(s => s, s => new Queue<CameraLocation<TSilo>>(bySilo[s].Where(c => !c.Busy).OrderBy(c => c.Camera)));
        var total = counts.Values.Sum();
        var share = (double)total / order.Count;
        var slack = Math.Max(1, (int)Math.Ceiling(share / 10));
        if (!resume && counts.Values.Max() <= Math.Ceiling(share) + slack && counts.Values.Min() >= Math.Floor(share) - slack)
        {
            return [];
        }

        var moves = new List<CameraMove<TSilo>>();
        while (moves.Count < maxMoves)
        {
            var from = order.MaxBy(s => counts[s])!;
            var to = order.MinBy(s => counts[s])!;
            if (counts[from] - counts[to] <= 1 || !movable[from].TryDequeue(out var camera))
            {
                break;
            }

            moves.Add(new CameraMove<TSilo>(camera.Camera, from, to));
            counts[from]--;
            counts[to]++;
        }

        return moves;
    }
}
