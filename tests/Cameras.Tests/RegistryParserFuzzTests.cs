using System.Text;

namespace VibeCheck.Cameras.Tests;

/// <summary>Mutated registry answers: the parser either parses or says the document is not a camera list, never anything else.</summary>
public sealed class RegistryParserFuzzTests
{
    private const string Valid = """
        [{"id":"8d2b3ae9-da68-4d37-8ae2-d3bc014f827b","name":"WBB - 2 NOR @ ABOVE BEDFORD AVE & S 5 St","latitude":40.710983,"longitude":-73.963168,"area":"Brooklyn","isOnline":"true","imageUrl":"https://webcams.nyctmc.org/api/cameras/8d2b3ae9-da68-4d37-8ae2-d3bc014f827b/image"},
         {"id":"0bbea8bd-10f1-4126-b3c5-9e9432eab749","name":"Atlantic Ave @ Pennsylvania Ave","latitude":40.675787,"longitude":-73.896898,"area":"Brooklyn","isOnline":"true","imageUrl":"https://webcams.nyctmc.org/api/cameras/0bbea8bd-10f1-4126-b3c5-9e9432eab749/image"}]
        """;

    private static readonly string[] Splices = ["null", "{}", "[]", "\"\"", "1e999", "-0", "true", "\"\\u0000\"", "{\"id\":{}}", new string('[', 20)];

    [Fact]
    public void Mutated_registries_parse_or_fail_with_a_format_error_only()
    {
        var parser = new RegistryParser(["webcams.nyctmc.org"], new Uri("https://webcams.nyctmc.org"));
        var random = new Random(20261129);
        var parsed = 0;
        var refused = 0;
        for (var i = 0; i < 3000; i++)
        {
            var text = Mutate(Valid, random);
            try
            {
                var result = parser.Parse(Encoding.UTF8.GetBytes(text));
                Assert.All(result.Cameras, c => Assert.True(NewYorkCityBounds.Contains(c.Latitude, c.Longitude)));
                Assert.All(result.Cameras, c => Assert.Equal("webcams.nyctmc.org", c.ImageUrl.Host));
                Assert.Equal(result.Cameras.Count, result.Cameras.Select(c => c.Id).Distinct().Count());
                parsed++;
            }
            catch (RegistryFormatException)
            {
                refused++;
            }
        }

        // Both outcomes must actually occur, or the mutations are not exercising the parser.
        Assert.True(parsed > 100, $"only {parsed} mutated documents parsed");
        Assert.True(refused > 100, $"only {refused} mutated documents were refused");
    }

    private static string Mutate(string text, Random random)
    {
        var chars = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(chars.Length);
            switch (random.Next(4))
            {
                case 0:
                    chars.Remove(at, Math.Min(random.Next(1, 8), chars.Length - at));
                    break;
                case 1:
                    chars.Insert(at, (char)random.Next(32, 127));
                    break;
                case 2:
                    chars[at] = (char)random.Next(32, 127);
                    break;
                default:
                    // Replace a value after a colon with something of another type.
                    var colon = text.IndexOf(':', random.Next(text.Length));
                    if (colon > 0 && colon + 1 < chars.Length)
                    {
                        var end = text.IndexOfAny([',', '}'], colon + 1);
                        if (end > colon && end <= chars.Length)
                        {
                            chars.Remove(colon + 1, end - colon - 1).Insert(colon + 1, Splices[random.Next(Splices.Length)]);
                        }
                    }

                    break;
            }
        }

        return chars.ToString();
    }
}
