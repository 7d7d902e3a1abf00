namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Notify</c>: Alertmanager-style grouping, timing and routing.</summary>
public sealed class NotifyOptions
{
    /// <summary>Most router shards allowed.</summary>
    public const int MaxShards = 64;

    /// <summary>Default grouping labels: camera and type.</summary>
    public static readonly IReadOnlyList<string> DefaultGroupBy = [AlertLabels.Camera, AlertLabels.Type];

    /// <summary>Labels that form a group (e.g. add <c>borough</c>). Default camera and type.</summary>
    public string[]? GroupBy { get; set; }

    /// <summary>Wait before the first notification of a new group, to collect its alerts; a group holding a HIGH alert skips it. Default 30 s.</summary>
    public TimeSpan GroupWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Wait between notifications of a group when alerts were added, changed or resolved. Default 5 min.</summary>
    public TimeSpan GroupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wait before re-sending an unchanged, still firing, unacknowledged group. Default 4 h.</summary>
    public TimeSpan RepeatInterval { get; set; } = TimeSpan.FromHours(4);

    /// <summary>Send a notification when alerts resolve. Default true.</summary>
    public bool SendResolved { get; set; } = true;

    /// <summary>Channels of HIGH notifications. Default webhook, email, slack, sms (those configured).</summary>
    public string[]? HighChannels { get; set; }

    /// <summary>Channels of MEDIUM notifications. Default webhook.</summary>
    public string[]? MediumChannels { get; set; }

    /// <summary>Share of known cameras unhealthy at once that raises one citywide outage alert. Default 0.2.</summary>
    public double OutageShare { get; set; } = 0.2;

    /// <summary>Minimum number of unhealthy cameras for an outage, whatever the share. Default 5.</summary>
    public int OutageMinCameras { get; set; } = 5;

    /// <summary>Router shards when <see cref="Shards"/> is not set and the grouping allows them.</summary>
    public const int DefaultShards = 8;

    /// <summary>
    /// Router grains that share the cameras' alerts, each camera's in one (1 = the city's single router). Groups
    /// never span shards, so more than one needs <c>camera</c> among <see cref="GroupBy"/>. Default
    /// <see cref="DefaultShards"/>, or 1 when the grouping leaves out the camera.
    /// </summary>
    public int? Shards { get; set; }

    /// <summary>How long resolved alerts and expired silences stay listed. Default 24 h.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Router shards in effect.</summary>
    public int EffectiveShards => Shards ?? (EffectiveGroupBy.Contains(AlertLabels.Camera) ? DefaultShards : 1);

    /// <summary>Grouping labels in effect.</summary>
    public IReadOnlyList<string> EffectiveGroupBy => GroupBy is { Length: > 0 } ? GroupBy : DefaultGroupBy;

    /// <summary>Channels for a tier; LOW has none.</summary>
    public IReadOnlyList<string> ChannelsFor(AlertTier tier) => tier switch
    {
        AlertTier.High => HighChannels is { Length: > 0 } ? HighChannels : [ChannelNames.Webhook, ChannelNames.Email, ChannelNames.Slack, ChannelNames.Sms],
        AlertTier.Medium => MediumChannels is { Length: > 0 } ? MediumChannels : [ChannelNames.Webhook],
        _ => [],
    };
}
