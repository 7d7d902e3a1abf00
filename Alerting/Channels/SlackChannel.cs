using System.Text;
using System.Text.Json.Nodes;

namespace VibeCheck.Alerting;

/// <summary>Posts to a Slack incoming webhook: <c>text</c> (fallback) plus header and section blocks.</summary>
/// <param name="http">Client; from DI it carries a Polly timeout handler.</param>
/// <param name="options">URL and timeout.</param>
/// <param name="allowPrivateNetworkTargets">Allow loopback and private addresses.</param>
public sealed class SlackChannel(HttpClient http, SlackOptions options, bool allowPrivateNetworkTargets) : IAlertChannel
{
    private const int SectionLimit = 3000;

    /// <inheritdoc />
    public string Name => ChannelNames.Slack;

    /// <inheritdoc />
    public Task<DeliveryResult> SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(Body(notification).ToJsonString(WebhookPayload.JsonOptions));
        var headers = new Dictionary<string, string> { [WebhookSignature.IdempotencyHeaderName] = idempotencyKey };
        return HttpDelivery.PostAsync(http, options.Url ?? "", allowPrivateNetworkTargets, body, headers, options.Timeout, cancellationToken);
    }

    /// <summary>The Slack message of a notification.</summary>
    public static JsonObject Body(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var subject = AlertText.Subject(notification);
        var lines = new StringBuilder();
        foreach (var alert in notification.Alerts)
        {
            var link = notification.LinkFor(alert);
            var confidence = alert.Annotations.GetValueOrDefault(AlertLabels.Confidence, "");
            lines.Append("• *").Append(Escape(AlertWireNames.Of(alert.Status))).Append("* ")
                .Append(Escape(AlertText.Headline(alert)));
            if (confidence.Length > 0)
            {
                lines.Append(", confidence ").Append(Escape(confidence));
            }

            if (link.Length > 0)
            {
                lines.Append(" <").Append(link).Append("|open>");
            }

            lines.Append('\n');
        }

        var section = lines.Length > SectionLimit ? lines.ToString(0, SectionLimit - 1) + "…" : lines.ToString();
        return new JsonObject
        {
            ["text"] = subject,
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Truncate(subject, 150) } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = section } }),
        };
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string Escape(string s) =>
        s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
