using VibeCheck.Vision.Zones;

namespace VibeCheck.Vision.Tests;

public sealed class ZoneValidatorTests
{
    private static Zone Square(string name = "lane", ZoneType type = ZoneType.BikeLane) =>
        new(name, type, [new(10, 100), new(100, 100), new(100, 200), new(10, 200)]);

    [Fact]
    public void Valid_zones_have_no_errors() =>
        Assert.Empty(ZoneValidator.Validate([Square("a"), Square("b", ZoneType.Crosswalk)]));

    [Fact]
    public void Each_error_starts_with_the_index_of_its_zone_then_its_name()
    {
        var bowTie = new Zone("bowtie", ZoneType.Box, [new(10, 10), new(100, 100), new(100, 10), new(10, 100)]);
        var errors = ZoneValidator.Validate([Square("a"), new Zone("", ZoneType.Box, [new(1, 1), new(2, 2)]), bowTie]);

        Assert.Equal(3, errors.Count);
        Assert.StartsWith("zone 1: name must be", errors[0]);
        Assert.StartsWith("zone 1: a polygon needs", errors[1]);
        Assert.StartsWith("zone 2 'bowtie': the polygon is not simple", errors[2]);
    }

    [Fact]
    public void Bow_tie_polygon_is_rejected()
    {
        var errors = ZoneValidator.Validate([new Zone("bowtie", ZoneType.Box, [new(10, 10), new(100, 100), new(100, 10), new(10, 100)])]);
        Assert.Contains(errors, e => e.Contains("not simple"));
    }

    [Fact]
    public void Point_outside_the_frame_is_rejected()
    {
        var errors = ZoneValidator.Validate([new Zone("off", ZoneType.Roadway, [new(10, 10), new(400, 10), new(10, 100)])]);
        Assert.Contains(errors, e => e.Contains("outside the 352x240 frame"));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(65)]
    public void Too_few_or_too_many_points_are_rejected(int count)
    {
        var points = Enumerable.Range(0, count)
            .Select(i => new PixelPoint(170 + (100 * Math.Cos(2 * Math.PI * i / count)), 120 + (100 * Math.Sin(2 * Math.PI * i / count))))
            .ToList();
        Assert.Contains(ZoneValidator.Validate([new Zone("n", ZoneType.Sidewalk, points)]), e => e.Contains("3..64 points"));
    }

    [Fact]
    public void Sixty_four_point_circle_is_fine()
    {
        var points = Enumerable.Range(0, 64)
            .Select(i => new PixelPoint(170 + (100 * Math.Cos(2 * Math.PI * i / 64)), 120 + (100 * Math.Sin(2 * Math.PI * i / 64))))
            .ToList();
        Assert.Empty(ZoneValidator.Validate([new Zone("circle", ZoneType.Box, points)]));
    }

    [Fact]
    public void Duplicate_names_collinear_polygons_and_too_many_zones_are_rejected()
    {
        Assert.Contains(ZoneValidator.Validate([Square("x"), Square("x")]), e => e.Contains("duplicate name"));
        Assert.Contains(ZoneValidator.Validate([new Zone("flat", ZoneType.Box, [new(0, 0), new(50, 50), new(100, 100)])]), e => e.Contains("no area"));
        var many = Enumerable.Range(0, ZoneValidator.MaxZones + 1).Select(i => Square($"z{i}")).ToList();
        Assert.Contains(ZoneValidator.Validate(many), e => e.Contains("at most 32 zones"));
        Assert.Contains(ZoneValidator.Validate([Square(" ")]), e => e.Contains("name"));
    }

    [Fact]
    public void Zone_type_names_are_snake_case_and_parse_back()
    {
        Assert.Equal(["bike_lane", "bus_lane", "crosswalk", "box", "no_standing", "sidewalk", "roadway"], ZoneTypeNames.All);
        foreach (var type in Enum.GetValues<ZoneType>())
        {
            Assert.True(ZoneTypeNames.TryParse(ZoneTypeNames.ToName(type), out var parsed));
            Assert.Equal(type, parsed);
        }

        Assert.False(ZoneTypeNames.TryParse("parking", out _));
    }

    [Fact]
    public void Membership_uses_the_bottom_centre_of_the_box()
    {
        var zone = Square();
        Assert.True(ZoneGeometry.Contains(zone, new BoundingBox(30, 20, 40, 100)));   // bottom-centre (50, 120)
        Assert.False(ZoneGeometry.Contains(zone, new BoundingBox(30, 120, 40, 100))); // bottom-centre (50, 220)
    }
}
