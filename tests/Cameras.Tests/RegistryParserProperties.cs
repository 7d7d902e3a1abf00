using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace VibeCheck.Cameras.Tests;

/// <summary>
/// Properties of <see cref="RegistryParser"/> over generated registry answers: camera-like entries with wrong types,
/// duplicate ids, huge and invalid strings, deep nesting, raw byte damage. The documented outcomes are a result whose
/// cameras are all safe to poll, or a <see cref="RegistryFormatException"/>; nothing else may escape.
/// Fixed seeds (Replay) keep runs reproducible; to explore, remove Replay and paste a failing run's seed back in.
/// </summary>
public sealed class RegistryParserProperties
{
    private static readonly RegistryParser Parser = new(["webcams.nyctmc.org"], new Uri("https://webcams.nyctmc.org"));
    private static readonly string[] Ids = [.. Enumerable.Range(0, 6).Select(i => new Guid(i + 1, 2, 3, [4, 5, 6, 7, 8, 9, 10, 11]).ToString())];

    private static Gen<string> Text =>
        Gen.OneOf(
            Gen.Elements("", " ", "Atlantic Ave @ Pennsylvania Ave", "Brooklyn", "true", "TRUE", "40.7", "-73.9", "NaN", "1e999", "not a uuid"),
            Gen.Elements(Ids),
            Gen.Elements("\\uD800", "\\uDC00x", "\\u0000", "\\\"", "\\\\", "\u00e9\u4e2d\ud83d\ude97"),
            Gen.Elements("https://webcams.nyctmc.org/api/cameras/x/image", "http://169.254.169.254/latest", "file:///etc/passwd", "https://evil.example/x.jpg", "//webcams.nyctmc.org/x"),
            Gen.Choose(201, 300_000).Select(n => new string('a', n)));

    private static Gen<string> Number =>
        Gen.OneOf(
            Gen.Elements("40.71", "-73.96", "0", "-0", "1e308", "-1e308", "1e999", "40.675787", "-73.896898", "12345678901234567890"),
            Gen.Choose(40_400, 41_000).Select(n => (n / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Choose(-74_300, -73_600).Select(n => (n / 1000.0).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Gen<string> Scalar =>
        Gen.OneOf(Text.Select(t => $"\"{t}\""), Number, Gen.Elements("true", "false", "null", "{}", "[]"));

    /// <summary>Any JSON value, nested up to <paramref name="depth"/>.</summary>
    private static Gen<string> Value(int depth) => depth <= 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, Gen.ListOf(Value(depth - 1), 3).Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.ListOf(Gen.Zip(Gen.Elements("id", "name", "latitude", "longitude", "imageUrl", "area", "isOnline", "x"), Value(depth - 1)), 3)
                .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}")));

    private static Gen<string> Entry =>
        Gen.Zip(
            Gen.Zip(Gen.OneOf(Gen.Elements(Ids).Select(id => $"\"{id}\""), Scalar), Gen.OneOf(Gen.Constant("\"Atlantic Ave @ Pennsylvania Ave\""), Scalar)),
            Gen.Zip(
                Gen.Zip(Gen.OneOf(Gen.Constant("40.7"), Number, Scalar), Gen.OneOf(Gen.Constant("-73.9"), Number, Scalar)),
                Gen.Zip(Gen.OneOf(Gen.Constant("\"https://webcams.nyctmc.org/api/cameras/a/image\""), Scalar), Scalar)))
            .Select(t =>
            {
                var ((id, name), ((lat, lon), (url, online))) = t;
                return $"{{\"id\":{id},\"name\":{name},\"latitude\":{lat},\"longitude\":{lon},\"imageUrl\":{url},\"area\":\"Queens\",\"isOnline\":{online}}}";
            });

    private static Gen<string> Document =>
        Gen.Frequency(
            (6, Gen.ListOf(Entry, 8).Select(entries => "[" + string.Join(",", entries) + "]")),
            (2, Gen.ListOf(Value(4), 4).Select(values => "[" + string.Join(",", values) + "]")),
            (1, Value(3)),
            (1, Gen.Choose(1, 5000).Select(n => new string('[', n) + new string(']', n))),
            (1, Gen.Choose(1, 2000).Select(n => "[" + string.Concat(Enumerable.Repeat("{\"id\":", n)) + "1" + new string('}', n) + "]")));

    /// <summary>Document bytes, sometimes damaged: bytes cut, flipped or replaced by invalid UTF-8.</summary>
    private static Gen<byte[]> Bytes =>
        Gen.Zip(Document, Gen.Zip(Gen.Choose(0, 3), Gen.ArrayOf(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 255)), 4)))
            .Select(t =>
            {
                var (text, (damage, edits)) = t;
                var bytes = Encoding.UTF8.GetBytes(text).ToList();
                foreach (var (at, value) in edits.Take(damage))
                {
                    if (bytes.Count == 0)
                    {
                        break;
                    }

                    var i = at % bytes.Count;
                    switch (value % 3)
                    {
                        case 0: bytes.RemoveRange(i, bytes.Count - i); break;
                        case 1: bytes[i] = (byte)value; break;
                        default: bytes.InsertRange(i, [0xC3, 0x28, 0xFF]); break;
                    }
                }

                return bytes.ToArray();
            });

    [Property(MaxTest = 400, Replay = "(20261129,7919)")]
    public Property Any_answer_parses_into_pollable_cameras_or_is_refused_as_a_format_error() =>
        Prop.ForAll(Bytes.ToArbitrary(), bytes =>
        {
            RegistryParseResult result;
            try
            {
                result = Parser.Parse(bytes);
            }
            catch (RegistryFormatException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                return;
            }

            Assert.Equal(result.Cameras.Count, result.Cameras.Select(c => c.Id).Distinct().Count());
            Assert.All(result.Cameras, c =>
            {
                Assert.True(NewYorkCityBounds.Contains(c.Latitude, c.Longitude));
                Assert.Equal("webcams.nyctmc.org", c.ImageUrl.Host);
                Assert.True(c.ImageUrl.Scheme is "https" or "http");
                Assert.InRange(c.Name.Length, 1, 200);
            });
            Assert.All(result.Rejected, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        });

    [Property(MaxTest = 200, Replay = "(20261129,104729)")]
    public Property Every_entry_of_an_array_is_either_a_camera_or_a_rejection_and_the_first_of_duplicate_ids_wins() =>
        Prop.ForAll(Gen.ListOf(Entry, 12).ToArbitrary(), entries =>
        {
            var result = Parser.Parse(Encoding.UTF8.GetBytes("[" + string.Join(",", entries) + "]"));

            Assert.Equal(entries.Count, result.Cameras.Count + result.Rejected.Count);
            var duplicates = result.Rejected.Count(r => r.Reason == "duplicate id");
            Assert.All(result.Rejected.Where(r => r.Reason == "duplicate id"), r => Assert.Contains(result.Cameras, c => c.Id.ToString() == r.Id));
            Assert.True(duplicates <= entries.Count - result.Cameras.Count);
        });
}
