using Microsoft.Extensions.Configuration;
using VibeCheck.Vision.Episodes;
using VibeCheck.Vision.Rules;

namespace VibeCheck.Grains.Cameras;

/// <summary>
/// The <see cref="ViolationMonitor"/> camera grains run, with thresholds from <c>Vision:Rules</c> and
/// <c>Vision:Episodes</c> (the library's documented defaults where unset). Invalid episode settings throw, so the
/// first camera activation fails loudly instead of tracking with nonsense.
/// </summary>
public static class CameraViolationMonitor
{
    public static ViolationMonitor Create(IConfiguration configuration)
    {
        var rules = configuration.GetSection(ViolationRuleOptions.SectionName);
        var episodes = configuration.GetSection(EpisodeTrackerOptions.SectionName);
        return new ViolationMonitor(
            rules.Exists() ? rules.Get<ViolationRuleOptions>() : null,
            episodes.Exists() ? episodes.Get<EpisodeTrackerOptions>() : null);
    }
}
