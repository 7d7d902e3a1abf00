using VibeCheck.Grains.Cameras;

namespace VibeCheck.Grains.Tests.Cameras;

/// <summary>The watchdog's plan for evening out cameras across silos.</summary>
public sealed class CameraBalanceTests
{
    private static readonly string[] ThreeSilos = ["a", "b", "c"];

    [Fact]
    public void Cameras_of_one_crowded_silo_are_shared_with_the_silos_that_joined()
    {
        var cameras = On("a", 30);

        var moves = CameraBalance.Plan(cameras, ThreeSilos, maxMoves: 100);

        var after = Apply(cameras, moves);
        Assert.Equal(20, moves.Count);
        Assert.All(ThreeSilos, s => Assert.Equal(10, after.Count(c => c.Silo == s)));
        Assert.All(moves, m => Assert.Equal("a", m.From));
        Assert.Equal(moves.Count, moves.Select(m => m.Camera).Distinct().Count());
    }

    [Fact]
    public void Cameras_with_an_open_episode_stay_until_it_ends()
    {
        var busy = On("a", 5, busy: true);
        var idle = On("a", 3);

        var moves = CameraBalance.Plan([.. busy, .. idle], ["a", "b"], maxMoves: 100);

        Assert.Equal(3, moves.Count);
        Assert.All(moves, m => Assert.Contains(idle, c => c.Camera == m.Camera));
        Assert.Empty(CameraBalance.Plan(On("a", 4, busy: true), ["a", "b"], maxMoves: 100));
    }

    [Theory]
    [InlineData(11, 10, 9)]
    [InlineData(10, 10, 10)]
    [InlineData(4, 3, 3)]
    [InlineData(2, 1, 0)]
    public void A_spread_within_a_tenth_of_a_share_is_left_alone(int a, int b, int c)
    {
        var cameras = On("a", a).Concat(On("b", b)).Concat(On("c", c)).ToList();

        Assert.Empty(CameraBalance.Plan(cameras, ThreeSilos, maxMoves: 100));
    }

    [Fact]
    public void Once_started_the_plan_evens_out_to_one_camera()
    {
        var cameras = On("a", 40).Concat(On("b", 25)).Concat(On("c", 9)).ToList();

        var after = Apply(cameras, CameraBalance.Plan(cameras, ThreeSilos, maxMoves: 100));

        var counts = ThreeSilos.Select(s => after.Count(c => c.Silo == s)).ToList();
        Assert.True(counts.Max() - counts.Min() <= 1, string.Join(", ", counts));
        Assert.Equal(74, counts.Sum());
    }

    [Fact]
    public void Moves_per_pass_are_bounded_and_later_passes_finish_the_job()
    {
        var cameras = On("a", 900);
        var passes = 0;
        IReadOnlyList<CameraMove<string>> moves = [];
        do
        {
            moves = CameraBalance.Plan(cameras, ThreeSilos, maxMoves: 64, resume: moves.Count > 0);
            Assert.InRange(moves.Count, 0, 64);
            cameras = Apply(cameras, moves);
            passes++;
        }
        while (moves.Count > 0 && passes < 100);

        Assert.Equal(11, passes); // 600 moves: 10 passes of at most 64, and one that finds nothing left to do
        Assert.All(ThreeSilos, s => Assert.Equal(300, cameras.Count(c => c.Silo == s)));
    }

    [Fact]
    public void Without_resume_a_job_stops_at_the_threshold()
    {
        var cameras = On("a", 324).Concat(On("b", 288)).Concat(On("c", 288)).ToList();

        Assert.Empty(CameraBalance.Plan(cameras, ThreeSilos, maxMoves: 64));
        Assert.Equal(24, CameraBalance.Plan(cameras, ThreeSilos, maxMoves: 64, resume: true).Count);
    }

    [Fact]
    public void Cameras_on_a_silo_that_is_not_active_are_left_to_placement()
    {
        var cameras = On("dead", 20).Concat(On("a", 6)).Concat(On("b", 6)).ToList();

        Assert.Empty(CameraBalance.Plan(cameras, ["a", "b"], maxMoves: 100));
    }

    [Theory]
    [InlineData(1, 100)]
    [InlineData(3, 0)]
    public void One_silo_or_no_moves_allowed_plans_nothing(int silos, int maxMoves) =>
        Assert.Empty(CameraBalance.Plan(On("a", 30), ThreeSilos.Take(silos).ToList(), maxMoves));

    private static List<CameraLocation<string>> On(string silo, int count, bool busy = false) =>
        Enumerable.Range(0, count).Select(_ => new CameraLocation<string>(Guid.NewGuid(), silo, busy)).ToList();

    private static List<CameraLocation<string>> Apply(IReadOnlyList<CameraLocation<string>> cameras, IReadOnlyList<CameraMove<string>> moves)
    {
        var to = moves.ToDictionary(m => m.Camera, m => m.To);
        return cameras.Select(c => to.TryGetValue(c.Camera, out var silo) ? c with { Silo = silo } : c).ToList();
    }
}
