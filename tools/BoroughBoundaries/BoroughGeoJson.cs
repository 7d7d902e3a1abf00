using System.Text.Json;
using NetTopologySuite.Geometries;

namespace VibeCheck.BoroughBoundaries;

/// <summary>Writes the boroughs as a GeoJSON FeatureCollection: a MultiPolygon and a <c>name</c> per borough.</summary>
public static class BoroughGeoJson
{
    public const string Attribution =
        "Borough boundaries: NYC Department of City Planning (public domain), nybb_16a as shipped in Debian's python3-geopandas; simplified";

    public static void Write(Stream output, IReadOnlyList<Borough> boroughs)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("attribution", Attribution);
        json.WriteStartArray("features");
        foreach (var borough in boroughs)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            json.WriteString("name", borough.Name);
            json.WriteNumber("code", borough.Code);
            json.WriteEndObject();
            json.WriteStartObject("geometry");
            json.WriteString("type", "MultiPolygon");
            json.WriteStartArray("coordinates");
            foreach (var polygon in Enumerable.Range(0, borough.Outline.NumGeometries).Select(borough.Outline.GetGeometryN).Cast<Polygon>())
            {
                json.WriteStartArray();
                WriteRing(json, polygon.ExteriorRing);
                foreach (var hole in polygon.InteriorRings)
                {
                    WriteRing(json, hole);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRing(Utf8JsonWriter json, LineString ring)
    {
        json.WriteStartArray();
        foreach (var point in ring.Coordinates)
        {
            json.WriteStartArray();
            json.WriteNumberValue(point.X);
            json.WriteNumberValue(point.Y);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
