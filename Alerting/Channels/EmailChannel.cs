using System.Net;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace VibeCheck.Alerting;

/// <summary>Sends plain-text and HTML e-mail through MailKit; the idempotency key becomes the Message-Id.</summary>
/// <param name="options">SMTP server, sender and timeout.</param>
/// <param name="recipients">Recipient list (<c>Alerts:Email:To</c>, or <c>Alerts:Escalation:To</c> for escalations).</param>
/// <param name="name">Channel name.</param>
public sealed class EmailChannel(EmailOptions options, IReadOnlyList<string> recipients, string name = ChannelNames.Email) : IAlertChannel
{
    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public async Task<DeliveryResult> SendAsync(Notification notification, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrWhiteSpace(options.Host) || recipients.Count == 0)
        {
            return DeliveryResult.Permanent("e-mail channel has no host or no recipients");
        }

        MimeMessage message;
        try
        {
            message = Compose(notification, idempotencyKey, options.From ?? "", recipients);
        }
        catch (ParseException e)
        {
            return DeliveryResult.Permanent($"invalid address: {e.Message}");
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(options.Timeout);
        using var client = new SmtpClient { Timeout = (int)options.Timeout.TotalMilliseconds };
        try
        {
            var security = options.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
            await client.ConnectAsync(options.Host, options.Port, security, timeoutSource.Token).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(options.Username))
            {
                await client.AuthenticateAsync(options.Username, options.Password ?? "", timeoutSource.Token).ConfigureAwait(false);
            }

            var reply = await client.SendAsync(message, timeoutSource.Token).ConfigureAwait(false);
            await client.DisconnectAsync(true, timeoutSource.Token).ConfigureAwait(false);
            return DeliveryResult.Success($"accepted by {options.Host}: {reply}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Transient($"SMTP timed out after {options.Timeout.TotalSeconds:0.###} s");
        }
        catch (SmtpCommandException e)
        {
            var reason = $"SMTP {(int)e.StatusCode} {e.ErrorCode}: {e.Message}" + (e.Mailbox is null ? "" : $" ({e.Mailbox.Address})");
            return (int)e.StatusCode >= 500 ? DeliveryResult.Permanent(reason) : DeliveryResult.Transient(reason);
        }
        catch (AuthenticationException e)
        {
            return DeliveryResult.Permanent($"SMTP authentication failed: {e.Message}");
        }
        catch (SslHandshakeException e)
        {
            return DeliveryResult.Permanent($"TLS handshake failed: {e.Message}");
        }
        catch (NotSupportedException e)
        {
            return DeliveryResult.Permanent($"SMTP server does not support a required feature: {e.Message}");
        }
        catch (Exception e) when (e is SmtpProtocolException or SocketException or IOException or ServiceNotConnectedException)
        {
            return DeliveryResult.Transient($"SMTP failed: {e.Message}");
        }
    }

    /// <summary>The message for a notification: subject, plain text and HTML alternatives, Message-Id from the key.</summary>
    public static MimeMessage Compose(Notification notification, string idempotencyKey, string from, IEnumerable<string> to)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var message = new MimeMessage
        {
            Subject = AlertText.Subject(notification),
            MessageId = $"{Sanitize(idempotencyKey)}@vibecheck.alerts",
            Date = notification.CreatedAt,
        };
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Headers.Add(WebhookSignature.IdempotencyHeaderName, idempotencyKey);
        message.Body = new BodyBuilder { TextBody = Text(notification), HtmlBody = Html(notification) }.ToMessageBody();
        return message;
    }

    private static string Text(Notification notification)
    {
        var text = new StringBuilder().AppendLine(AlertText.Subject(notification)).AppendLine();
        foreach (var alert in notification.Alerts)
        {
            foreach (var (field, value) in AlertText.Fields(alert, notification))
            {
                text.Append(field).Append(": ").AppendLine(value);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private static string Html(Notification notification)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body>")
            .Append("<h2>").Append(WebUtility.HtmlEncode(AlertText.Subject(notification))).Append("</h2>");
        foreach (var alert in notification.Alerts)
        {
            html.Append("<table>");
            foreach (var (field, value) in AlertText.Fields(alert, notification))
            {
                var cell = field == "Link"
                    ? $"<a href=\"{WebUtility.HtmlEncode(value)}\">{WebUtility.HtmlEncode(value)}</a>"
                    : WebUtility.HtmlEncode(value);
                html.Append("<tr><th align=\"left\">").Append(WebUtility.HtmlEncode(field)).Append("</th><td>").Append(cell).Append("</td></tr>");
            }

            html.Append("</table><hr/>");
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Sanitize(string key) =>
        new([.. key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '.')]);
}
