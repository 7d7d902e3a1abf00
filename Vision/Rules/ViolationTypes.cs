namespace VibeCheck.Vision.Rules;

/// <summary>The violation type strings stored with episodes and counted in activity buckets.</summary>
public static class ViolationTypes
{
    /// <summary>A motor vehicle standing or driving slowly in a bike lane.</summary>
    public const string CarInBikeLane = "car_bike_lane_violation";

    /// <summary>A vehicle other than a bus in a bus lane.</summary>
    public const string BusLane = "bus_lane_violation";

    /// <summary>A vehicle standing in a no-standing / curb zone.</summary>
    public const string DoubleParking = "double_parking";

    /// <summary>A vehicle stopped inside the intersection box.</summary>
    public const string BlockingTheBox = "blocking_the_box";

    /// <summary>A vehicle on the crosswalk while pedestrians wait beside it.</summary>
    public const string BlockingPedestrianFlow = "blocking_pedestrian_flow";

    /// <summary>A pedestrian in the roadway outside any crosswalk.</summary>
    public const string PedestrianInRoadway = "pedestrian_in_roadway";

    /// <summary>All types, for validation and dashboards.</summary>
    public static IReadOnlyList<string> All { get; } =
        [CarInBikeLane, BusLane, DoubleParking, BlockingTheBox, BlockingPedestrianFlow, PedestrianInRoadway];
}
