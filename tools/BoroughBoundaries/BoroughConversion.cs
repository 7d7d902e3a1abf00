using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.Simplify;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace VibeCheck.BoroughBoundaries;

/// <summary>
/// The five borough polygons from the shapefile (EPSG:2263, US feet), simplified and reprojected to WGS84. Simplifying
/// in feet, before reprojection, makes the tolerance a distance on the ground.
/// </summary>
public static class BoroughConversion
{
    /// <summary>
    /// Vertices closer than this to the simplified line are dropped: about 15 m, well under the error of a camera's
    /// published position, and small enough that no registry camera changes side (tests/Web.Tests checks).
    /// </summary>
    public const double ToleranceFeet = 50;

    /// <summary>Islands smaller than this (about 0.5 ha: rocks, piers) are left out; no camera stands on one.</summary>
    public const double SmallestPartSquareFeet = 50_000;

    /// <summary>Five decimal places of a degree are about a metre, finer than the tolerance.</summary>
    public const int Decimals = 5;

    public static IReadOnlyList<Borough> Convert(string shpPath)
    {
        var wkt = File.ReadAllText(Path.ChangeExtension(shpPath, ".prj"));
        var source = (CoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(wkt);
        var toWgs84 = new CoordinateTransformationFactory()
            .CreateFromCoordinateSystems(source, GeographicCoordinateSystem.WGS84).MathTransform;
        var boroughs = new List<Borough>();
        foreach (var feature in Shapefile.ReadAllFeatures(shpPath))
        {
            var name = (string)feature.Attributes["BoroName"];
            var code = System.Convert.ToInt32(feature.Attributes["BoroCode"], System.Globalization.CultureInfo.InvariantCulture);
            var outline = WithoutSmallParts(TopologyPreservingSimplifier.Simplify(feature.Geometry, ToleranceFeet));
            outline.Apply(new Reprojection(toWgs84, Decimals));
            boroughs.Add(new Borough(name, code, outline));
        }

        if (boroughs.Count != 5)
        {
            throw new InvalidDataException($"expected the five boroughs, found {boroughs.Count}");
        }

        return [.. boroughs.OrderBy(b => b.Code)];
    }

    private static Geometry WithoutSmallParts(Geometry geometry)
    {
        var parts = Enumerable.Range(0, geometry.NumGeometries)
            .Select(geometry.GetGeometryN)
            .OfType<Polygon>()
            .Where(p => p.Area >= SmallestPartSquareFeet)
            .ToArray();
        return geometry.Factory.CreateMultiPolygon(parts);
    }

    private sealed class Reprojection(MathTransform transform, int decimals) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (longitude, latitude) = transform.Transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, Math.Round(longitude, decimals));
            seq.SetY(i, Math.Round(latitude, decimals));
        }
    }
}
