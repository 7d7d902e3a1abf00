using VibeCheck.Alerting;
using VibeCheck.Grains.Interfaces.Alerts;

namespace VibeCheck.Grains.Alerts;

/// <summary>Between the grains' contract tier and the alerting library's.</summary>
public static class ViolationTiers
{
    public static AlertTier ToAlertTier(this ViolationTier tier) => tier switch
    {
        ViolationTier.High => AlertTier.High,
        ViolationTier.Medium => AlertTier.Medium,
        _ => AlertTier.Low,
    };

    public static ViolationTier ToViolationTier(this AlertTier tier) => tier switch
    {
        AlertTier.High => ViolationTier.High,
        AlertTier.Medium => ViolationTier.Medium,
        _ => ViolationTier.Low,
    };
}
