using System.Globalization;
using VibeCheck.Gateway.Http.Csv;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>The CSV writer alone: the same text whatever the thread's culture, times in UTC, RFC 4180 quoting.</summary>
public sealed class CsvTextTests
{
    private sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows) : ICsvTable
    {
        public IReadOnlyList<string> CsvHeader() => Header;

        public IEnumerable<IReadOnlyList<object?>> CsvRows() => Rows;
    }

    [Fact]
    public void Numbers_and_times_are_invariant_and_utc_under_a_decimal_comma_culture()
    {
        var table = new Table(["key", "count", "ratio", "at"],
        [
            ["Staten Island", 1234567L, 0.25, new DateTimeOffset(2025, 6, 1, 2, 30, 0, TimeSpan.FromHours(2))],
            ["say \"hi\", then\r\nleave", 0, -1.5e-7, null],
        ]);
        var before = CultureInfo.CurrentCulture;
        try
        {
            // The tests run in globalization-invariant mode, where "de-DE" does not exist: make its decimal comma.
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NumberGroupSeparator = ".";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal("0,25", 0.25.ToString(CultureInfo.CurrentCulture));
            Assert.Equal(
                "key,count,ratio,at\r\n" +
                "Staten Island,1234567,0.25,2025-06-01T00:30:00Z\r\n" +
                "\"say \"\"hi\"\", then\r\nleave\",0,-1.5E-07,\r\n",
                CsvText.Write(table));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
