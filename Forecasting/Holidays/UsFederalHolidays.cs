namespace VibeCheck.Forecasting.Holidays;

/// <summary>US federal holidays (5 U.S.C. 6103) with the observed-day rule: Saturday → Friday, Sunday → Monday.</summary>
public static class UsFederalHolidays
{
    /// <summary>The observed federal holidays of <paramref name="year"/>.</summary>
    public static IReadOnlyList<DateOnly> For(int year)
    {
        var days = new List<DateOnly>
        {
            Observed(new DateOnly(year, 1, 1)),
            NthWeekday(year, 1, DayOfWeek.Monday, 3),
            NthWeekday(year, 2, DayOfWeek.Monday, 3),
            LastWeekday(year, 5, DayOfWeek.Monday),
            Observed(new DateOnly(year, 7, 4)),
            NthWeekday(year, 9, DayOfWeek.Monday, 1),
            NthWeekday(year, 10, DayOfWeek.Monday, 2),
            Observed(new DateOnly(year, 11, 11)),
            NthWeekday(year, 11, DayOfWeek.Thursday, 4),
            Observed(new DateOnly(year, 12, 25)),
        };
        if (year >= 2021)
        {
            days.Add(Observed(new DateOnly(year, 6, 19)));
        }

        days.Sort();
        return days;
    }

    /// <summary>Whether <paramref name="date"/> is an (observed) federal holiday.</summary>
    public static bool IsHoliday(DateOnly date) =>
        For(date.Year).Contains(date) || (date.Month == 12 && date.Day == 31 && For(date.Year + 1)[0] == date);

    private static DateOnly Observed(DateOnly d) => d.DayOfWeek switch
    {
        DayOfWeek.Saturday => d.AddDays(-1),
        DayOfWeek.Sunday => d.AddDays(1),
        _ => d,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int nth)
    {
        var d = new DateOnly(year, month, 1);
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(1);
        }

        return d.AddDays(7 * (nth - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (d.DayOfWeek != day)
        {
            d = d.AddDays(-1);
        }

        return d;
    }
}
