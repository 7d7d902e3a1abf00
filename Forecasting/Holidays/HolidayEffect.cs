using VibeCheck.Forecasting.Preprocessing;

namespace VibeCheck.Forecasting.Holidays;

/// <summary>
/// A per-time-of-day holiday profile: the mean residual on federal holidays in each slot of the day, shrunk
/// towards zero by n/(n+1) so one holiday does not dictate the next.
/// </summary>
internal sealed class HolidayEffect
{
    private readonly double[] _profile;
    private readonly int _slotsPerDay;
    private readonly TimeZoneInfo _zone;

    private HolidayEffect(double[] profile, int slotsPerDay, TimeZoneInfo zone)
    {
        _profile = profile;
        _slotsPerDay = slotsPerDay;
        _zone = zone;
    }

    public static HolidayEffect? Estimate(RegularSeries series, double[] residual, bool[] usable, TimeZoneInfo zone)
    {
        if (series.Step >= TimeSpan.FromDays(1) || TimeSpan.FromDays(1).Ticks % series.Step.Ticks != 0)
        {
            return null;
        }

        int slots = (int)(TimeSpan.FromDays(1).Ticks / series.Step.Ticks);
        var sums = new double[slots];
        var counts = new int[slots];
        bool any = false;
        for (int t = 0; t < series.Length; t++)
        {
            if (!usable[t])
            {
                continue;
            }

            var (isHoliday, slot) = Locate(series.TimeAt(t), zone, series.Step, slots);
            if (isHoliday)
            {
                sums[slot] += residual[t];
                counts[slot]++;
                any = true;
            }
        }

        if (!any)
        {
            return null;
        }

        var profile = new double[slots];
        for (int i = 0; i < slots; i++)
        {
            profile[i] = sums[i] / (counts[i] + 1);
        }

        return new HolidayEffect(profile, slots, zone);
    }

    public double At(DateTimeOffset time, TimeSpan step)
    {
        var (isHoliday, slot) = Locate(time, _zone, step, _slotsPerDay);
        return isHoliday ? _profile[slot] : 0;
    }

    private static (bool IsHoliday, int Slot) Locate(DateTimeOffset time, TimeZoneInfo zone, TimeSpan step, int slots)
    {
        var local = TimeZoneInfo.ConvertTime(time, zone);
        int slot = (int)(local.TimeOfDay.Ticks / step.Ticks) % slots;
        return (UsFederalHolidays.IsHoliday(DateOnly.FromDateTime(local.DateTime)), slot);
    }
}
