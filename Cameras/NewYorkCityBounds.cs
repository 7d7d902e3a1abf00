namespace VibeCheck.Cameras;

/// <summary>The bounding box of the five boroughs, with a small margin for cameras on bridges and at the city line.</summary>
public static class NewYorkCityBounds
{
    public const double MinLatitude = 40.47;
    public const double MaxLatitude = 40.93;
    public const double MinLongitude = -74.27;
    public const double MaxLongitude = -73.68;

    public static bool Contains(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;
}
