using System.Text;

namespace VibeCheck.Cameras.Tests;

public sealed class RegistryParserTests
{
    private static readonly Uri BaseUrl = new("https://webcams.nyctmc.org");
    private readonly RegistryParser _parser = new(["webcams.nyctmc.org"], BaseUrl);

    private static string Entry(string id, double lat = 40.710983, double lon = -73.963168, string host = "webcams.nyctmc.org", string isOnline = "\"true\"", string name = "Atlantic Ave @ Pennsylvania Ave") =>
        $$"""{"id":"{{id}}","name":"{{name}}","latitude":{{lat}},"longitude":{{lon}},"area":"Brooklyn","isOnline":{{isOnline}},"imageUrl":"https://{{host}}/api/cameras/{{id}}/image"}""";

    private RegistryParseResult Parse(params string[] entries) => _parser.Parse(Encoding.UTF8.GetBytes("[" + string.Join(",", entries) + "]"));

    [Fact]
    public void Valid_entry_is_kept_with_its_fields()
    {
        var result = Parse(Entry("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b"));

        var camera = Assert.Single(result.Cameras);
        Assert.Equal(Guid.Parse("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b"), camera.Id);
        Assert.Equal("Brooklyn", camera.Borough);
        Assert.True(camera.IsOnline);
        Assert.Equal("https://webcams.nyctmc.org/api/cameras/8d2b3ae9-da68-4d37-8ae2-d3bc014f827b/image", camera.ImageUrl.ToString());
        Assert.Empty(result.Rejected);
    }

    [Fact]
    public void Northern_Ireland_entry_on_another_host_is_rejected_with_reason()
    {
        // The real registry's quirk: f09ab02e-… lies in Derry with its image on cctv.trafficwatchni.com.
        var result = Parse(
            Entry("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b"),
            Entry("f09ab02e-8c25-431d-8547-e8b86e9e357b", 54.999389, -7.321861, "cctv.trafficwatchni.com"));

        Assert.Single(result.Cameras);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("f09ab02e-8c25-431d-8547-e8b86e9e357b", rejected.Id);
        Assert.Contains("outside the five boroughs", rejected.Reason);
    }

    [Fact]
    public void Entry_inside_the_city_but_with_image_elsewhere_is_rejected()
    {
        var result = Parse(Entry("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b", host: "evil.example.com"));

        Assert.Empty(result.Cameras);
        Assert.Contains("not an allowed camera host", Assert.Single(result.Rejected).Reason);
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("")]
    [InlineData("8d2b3ae9da684d378ae2d3bc014f827b0")]
    public void Non_uuid_id_is_rejected(string id)
    {
        var result = Parse(Entry(id));

        Assert.Empty(result.Cameras);
        Assert.Equal("id is not a UUID", Assert.Single(result.Rejected).Reason);
    }

    [Fact]
    public void Duplicate_id_keeps_the_first_and_rejects_the_second()
    {
        var result = Parse(Entry("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b"), Entry("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b", name: "Other"));

        Assert.Single(result.Cameras);
        Assert.Equal("duplicate id", Assert.Single(result.Rejected).Reason);
    }

    [Theory]
    [InlineData("\"false\"", false)]
    [InlineData("true", true)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("null", false)]
    public void Online_flag_accepts_the_api_string_and_booleans(string raw, bool expected)
    {
        var result = Parse(Entry("8d2b3ae9-da68-4d37-8ae2-d3bc014f827b", isOnline: raw));

        Assert.Equal(expected, Assert.Single(result.Cameras).IsOnline);
    }

    [Theory]
    [InlineData("<html>oops</html>")]
    [InlineData("{\"cameras\": []}")]
    [InlineData("")]
    [InlineData("[")]
    public void Answer_that_is_not_a_json_array_throws_format_error(string body)
    {
        Assert.Throws<RegistryFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Non_object_entries_and_missing_coordinates_are_rejected_not_thrown()
    {
        var result = Parse("42", "\"text\"", """{"id":"8d2b3ae9-da68-4d37-8ae2-d3bc014f827b","name":"x"}""");

        Assert.Empty(result.Cameras);
        Assert.Equal(3, result.Rejected.Count);
    }

    [Fact]
    public void Deeply_nested_document_is_refused()
    {
        var deep = new string('[', 100) + new string(']', 100);

        Assert.Throws<RegistryFormatException>(() => _parser.Parse(Encoding.UTF8.GetBytes(deep)));
    }
}
