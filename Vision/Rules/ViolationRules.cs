using VibeCheck.Vision.Zones;

namespace VibeCheck.Vision.Rules;

/// <summary>
/// Per-frame rules: which detections support which violation in which zone. A single frame proves nothing; the
/// <see cref="Episodes.EpisodeTracker"/> turns persistent support into episodes.
/// </summary>
public static class ViolationRules
{
    /// <summary>Candidates found in one frame. Pure: same input, same output.</summary>
    public static IReadOnlyList<ViolationCandidate> Evaluate(IReadOnlyList<Detection> detections, IReadOnlyList<Zone> zones, ViolationRuleOptions? options = null)
    {
        options ??= new ViolationRuleOptions();
        var result = new List<ViolationCandidate>();
        if (zones.Count == 0)
        {
            return result;
        }

        var trusted = detections.Where(d => d.Confidence >= options.MinDetectionConfidence).ToList();
        var persons = trusted.Where(d => options.EffectivePersonLabels.Contains(d.Label)).ToList();
        foreach (var detection in trusted)
        {
            var isVehicle = options.EffectiveVehicleLabels.Contains(detection.Label);
            var isPerson = options.EffectivePersonLabels.Contains(detection.Label);
            if (!isVehicle && !isPerson)
            {
                continue;
            }

            var inZones = zones.Where(z => ZoneGeometry.Contains(z, detection.Box)).ToList();
            foreach (var zone in inZones)
            {
                var type = isVehicle ? VehicleRule(zone, detection, persons, zones, options) : PersonRule(zone, inZones);
                if (type is not null)
                {
                    result.Add(new ViolationCandidate(type, zone.Name, detection.Box, Math.Clamp(detection.Confidence, 0, 1), detection.Label, detection.TrackId));
                }
            }
        }

        return result;
    }

    private static string? VehicleRule(Zone zone, Detection vehicle, List<Detection> persons, IReadOnlyList<Zone> zones, ViolationRuleOptions options) =>
        zone.Type switch
        {
            ZoneType.BikeLane => ViolationTypes.CarInBikeLane,
            ZoneType.BusLane when !options.EffectiveBusLabels.Contains(vehicle.Label) => ViolationTypes.BusLane,
            ZoneType.NoStanding when Stands(vehicle, options) => ViolationTypes.DoubleParking,
            ZoneType.Box when Stands(vehicle, options) => ViolationTypes.BlockingTheBox,
            ZoneType.Crosswalk when persons.Any(p => IsWaitingAt(p, zone, zones, options)) => ViolationTypes.BlockingPedestrianFlow,
            _ => null,
        };

    private static bool Stands(Detection vehicle, ViolationRuleOptions options) =>
        vehicle.StandingSeconds is not { } standing || standing >= options.MinStandingSeconds;

    // Pedestrians are only reported in a roadway zone when no crosswalk zone also holds them.
    private static string? PersonRule(Zone zone, List<Zone> inZones) =>
        zone.Type == ZoneType.Roadway && !inZones.Any(z => z.Type == ZoneType.Crosswalk) ? ViolationTypes.PedestrianInRoadway : null;

    private static bool IsWaitingAt(Detection person, Zone crosswalk, IReadOnlyList<Zone> zones, ViolationRuleOptions options)
    {
        if (zones.Any(z => z.Type == ZoneType.Sidewalk && ZoneGeometry.Contains(z, person.Box)))
        {
            return true;
        }

        var (x, y) = person.Box.BottomCentre;
        var minX = crosswalk.Points.Min(p => p.X) - options.WaitingDistance;
        var maxX = crosswalk.Points.Max(p => p.X) + options.WaitingDistance;
        var minY = crosswalk.Points.Min(p => p.Y) - options.WaitingDistance;
        var maxY = crosswalk.Points.Max(p => p.Y) + options.WaitingDistance;
        return x >= minX && x <= maxX && y >= minY && y <= maxY && !ZoneGeometry.Contains(crosswalk, person.Box);
    }
}
