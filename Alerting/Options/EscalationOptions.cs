namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Escalation</c>: what happens to a HIGH alert nobody acknowledges.</summary>
public sealed class EscalationOptions
{
    /// <summary>Default for <see cref="After"/>: 5 minutes, as the original design planned.</summary>
    public static readonly TimeSpan DefaultAfter = TimeSpan.FromMinutes(5);

    /// <summary>Time from the first notification of an unacknowledged HIGH alert to its escalation. Default 5 min.</summary>
    public TimeSpan After { get; set; } = DefaultAfter;

    /// <summary>Second recipient list, served by the <c>email-escalation</c> channel (same SMTP server).</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Channels that receive escalations. Default <c>[email-escalation, sms]</c> (those configured).</summary>
    public string[]? Channels { get; set; }

    /// <summary>Channels in effect.</summary>
    public IReadOnlyList<string> EffectiveChannels => Channels is { Length: > 0 } ? Channels : [ChannelNames.EscalationEmail, ChannelNames.Sms];

    /// <summary>Description, safe to log.</summary>
    public override string ToString() =>
        $"Escalation {{ After = {After}, To = [{string.Join(", ", To)}], Channels = [{string.Join(", ", EffectiveChannels)}] }}";
}
