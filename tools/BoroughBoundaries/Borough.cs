using NetTopologySuite.Geometries;

namespace VibeCheck.BoroughBoundaries;

/// <summary>One borough's outline in WGS84 longitude/latitude.</summary>
public sealed record Borough(string Name, int Code, Geometry Outline);
