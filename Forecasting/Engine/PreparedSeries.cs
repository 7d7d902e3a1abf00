using VibeCheck.Forecasting.Holidays;
using VibeCheck.Forecasting.Preprocessing;

namespace VibeCheck.Forecasting.Engine;

/// <summary>A regularised history made ready for modelling, with everything removed on the way kept for the decomposition.</summary>
/// <param name="Series">The regular grid (long gaps NaN).</param>
/// <param name="Observed">Observed values, long gaps filled from a preliminary decomposition.</param>
/// <param name="Model">The series the models see: cleaned, level-adjusted, holiday removed.</param>
/// <param name="Holiday">Holiday component per bucket.</param>
/// <param name="LevelOffsets">What level-shift adjustment added per bucket.</param>
/// <param name="Periods">Seasonal periods in steps.</param>
/// <param name="HolidayEffect">The estimated holiday profile, if any.</param>
internal sealed record PreparedSeries(
    RegularSeries Series,
    double[] Observed,
    double[] Model,
    double[] Holiday,
    double[] LevelOffsets,
    int[] Periods,
    HolidayEffect? HolidayEffect);
