using System.Net.Http.Json;
using VibeCheck.Integration.Tests.Alerts;
using VibeCheck.Integration.Tests.Vision;
using VibeCheck.ReplayServer;

namespace VibeCheck.Integration.Tests.Faults;

/// <summary>
/// The system the fault drills run: every camera polled by its own timer every 2 s, each showing a street where a
/// vehicle stops in the bike lane for 8 frames and leaves for 7 (so every camera keeps opening and resolving
/// violation episodes by itself), alerts of MEDIUM and above going to a real webhook and SMTP receiver.
/// </summary>
public static class DrillScene
{
    /// <summary>Settings on top of the harness defaults.</summary>
    public static Dictionary<string, string?> Settings(WebhookReceiver webhook, SmtpTestServer smtp, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = AlertClusterFixture.Settings(webhook, smtp);
        settings["AlertMonitor:RedisSlowThreshold"] = "00:00:05"; // the fixture's zero would raise RedisSlow all the time
        settings["AlertMonitor:Window"] = "00:00:02";
        settings["Cameras:PollInterval"] = "00:00:02";
        settings["Cameras:Jitter"] = "0.5";
        settings["Cameras:FrozenAfterFrames"] = "1000"; // the synthetic street changes only in its clock band
        // Longer than the default test cutoff: during a Redis outage a poll waits for its failed writes (~5 s each), and the
        // evidence must still count as consecutive.
        settings["Vision:Episodes:EndCutoff"] = "00:00:20";
        settings["Vision:Episodes:MinConsecutiveFrames"] = "3";
        // The synthetic vehicle scores 0.3..1: make every episode an alert that is sent (MEDIUM, webhook only).
        settings["Alerts:Tier:MediumThreshold"] = "0.05";
        settings["Alerts:Tier:HighThreshold"] = "0.999";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The looping street of every camera, set on the replay server before the cluster starts.</summary>
    public static void SetUpReplay(ReplayScenario replay, IReadOnlyList<Guid> cameras)
    {
        var street = StreetScene.StoppedVehicleSequence(before: 5, stopped: 8, after: 12);
        foreach (var camera in cameras)
        {
            replay.SetFrames(camera, street, advanceEachRequest: true);
        }
    }

    /// <summary>Puts the bike-lane zone on every camera (through the gateway, as an operator would).</summary>
    public static async Task SetZonesAsync(VibeCheckCluster system)
    {
        foreach (var camera in system.Cameras)
        {
            (await system.Http.PutAsJsonAsync($"/cameras/{camera}/zones", StreetScene.BikeLane)).EnsureSuccessStatusCode();
        }
    }

    /// <summary>
    /// From now on every camera answers 500: no new episode opens and the open ones end by time (the end cutoff).
    /// Used after a camera was re-activated mid-episode: its fresh background model may have learnt the standing
    /// vehicle, and the uncovered street it leaves behind then lingers as a detection for minutes (see the Vision
    /// README), so emptying the street would not end the episode within a test's time.
    /// </summary>
    public static void CamerasDown(VibeCheckCluster system)
    {
        foreach (var camera in system.Cameras)
        {
            system.Replay.SetFault(camera, CameraFault.ServerError);
        }
    }

    /// <summary>From now on every camera shows its street without the vehicle: open episodes end, no new one opens.</summary>
    public static void EmptyStreets(VibeCheckCluster system)
    {
        var empty = StreetScene.StoppedVehicleSequence(before: 20, stopped: 0, after: 0);
        foreach (var camera in system.Cameras)
        {
            system.Replay.SetFrames(camera, empty, advanceEachRequest: true);
        }
    }
}
