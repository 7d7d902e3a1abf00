using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace VibeCheck.Alerting;

/// <summary>Validates <see cref="AlertsOptions"/> at start; messages never contain secrets.</summary>
public sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AlertsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var allowPrivate = options.AllowPrivateNetworkTargets;

        if (!string.IsNullOrWhiteSpace(options.Webhook.Url))
        {
            AddIf(errors, WebhookUrlValidator.Validate(options.Webhook.Url, allowPrivate), "Alerts:Webhook:Url");
            if (string.IsNullOrEmpty(options.Webhook.Secret) || options.Webhook.Secret.Length < 16)
            {
                errors.Add("Alerts:Webhook:Secret must be set, at least 16 characters, when Alerts:Webhook:Url is set");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.Slack.Url))
        {
            AddIf(errors, WebhookUrlValidator.Validate(options.Slack.Url, allowPrivate), "Alerts:Slack:Url");
        }

        if (!string.IsNullOrWhiteSpace(options.Email.Host))
        {
            ValidateEmail(options.Email, options.Escalation, errors);
        }

        ValidateSms(options.Sms, allowPrivate, errors);
        Positive(errors, options.Webhook.Timeout, "Alerts:Webhook:Timeout");
        Positive(errors, options.Slack.Timeout, "Alerts:Slack:Timeout");
        Positive(errors, options.Email.Timeout, "Alerts:Email:Timeout");
        Positive(errors, options.Escalation.After, "Alerts:Escalation:After");
        ValidateDelivery(options.Delivery, errors);
        ValidateNotify(options.Notify, errors);

        var tier = options.Tier;
        if (!(tier.MediumThreshold > 0 && tier.MediumThreshold < tier.HighThreshold && tier.HighThreshold < 1))
        {
            errors.Add("Alerts:Tier thresholds must satisfy 0 < MediumThreshold < HighThreshold < 1");
        }

        if (tier.Window < 1 || tier.MinSamples < 1)
        {
            errors.Add("Alerts:Tier:Window and MinSamples must be at least 1");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEmail(EmailOptions email, EscalationOptions escalation, List<string> errors)
    {
        if (email.Port is < 1 or > 65535)
        {
            errors.Add("Alerts:Email:Port must be within 1..65535");
        }

        if (!MailAddress.TryCreate(email.From, out _))
        {
            errors.Add("Alerts:Email:From must be an e-mail address");
        }

        if (email.To.Count == 0)
        {
            errors.Add("Alerts:Email:To needs at least one recipient");
        }

        foreach (var address in email.To.Concat(escalation.To).Where(a => !MailAddress.TryCreate(a, out _)))
        {
            errors.Add($"'{address}' is not an e-mail address");
        }

        if (string.IsNullOrEmpty(email.Username) != string.IsNullOrEmpty(email.Password))
        {
            errors.Add("Alerts:Email:Username and Password must be set together");
        }
    }

    /// <summary>Values are not echoed: a token pasted under the wrong key must not reach the log.</summary>
    private static void ValidateSms(SmsOptions sms, bool allowPrivate, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(sms.AccountSid))
        {
            // Recipients without an account would silently get nothing; a provisioned token alone is harmless.
            if (sms.To.Count > 0)
            {
                errors.Add("Alerts:Sms:AccountSid must be set when Alerts:Sms:To is");
            }

            return;
        }

        if (!SmsOptions.IsAccountSid(sms.AccountSid))
        {
            errors.Add("Alerts:Sms:AccountSid must be AC followed by 32 hex digits");
        }

        if (string.IsNullOrEmpty(sms.AuthToken))
        {
            errors.Add("Alerts:Sms:AuthToken must be set when Alerts:Sms:AccountSid is set");
        }

        if (!SmsOptions.IsE164(sms.From))
        {
            errors.Add("Alerts:Sms:From must be an E.164 number such as +12125550123");
        }

        if (sms.To.Count == 0)
        {
            errors.Add("Alerts:Sms:To needs at least one recipient");
        }

        for (var i = 0; i < sms.To.Count; i++)
        {
            if (!SmsOptions.IsE164(sms.To[i]))
            {
                errors.Add($"Alerts:Sms:To:{i} must be an E.164 number such as +12125550123");
            }
        }

        AddIf(errors, WebhookUrlValidator.Validate(sms.BaseUrl, allowPrivate), "Alerts:Sms:BaseUrl");
        Positive(errors, sms.Timeout, "Alerts:Sms:Timeout");
        Positive(errors, sms.RateWindow, "Alerts:Sms:RateWindow");
        if (sms.MaxPerRecipient < 1)
        {
            errors.Add("Alerts:Sms:MaxPerRecipient must be at least 1");
        }
    }

    private static void ValidateDelivery(DeliveryOptions d, List<string> errors)
    {
        if (d.MaxAttempts < 1)
        {
            errors.Add("Alerts:Delivery:MaxAttempts must be at least 1");
        }

        Positive(errors, d.InitialBackoff, "Alerts:Delivery:InitialBackoff");
        Positive(errors, d.AttemptTimeout, "Alerts:Delivery:AttemptTimeout");
        if (d.MaxBackoff < d.InitialBackoff)
        {
            errors.Add("Alerts:Delivery:MaxBackoff must not be below InitialBackoff");
        }

        if (d.JitterFactor is < 0 or > 1)
        {
            errors.Add("Alerts:Delivery:JitterFactor must be within 0..1");
        }

        if (d.BatchSize < 1 || d.HistoryLimit < 0 || d.DeadLetterLimit < 1)
        {
            errors.Add("Alerts:Delivery:BatchSize and DeadLetterLimit must be positive, HistoryLimit not negative");
        }
    }

    private static void ValidateNotify(NotifyOptions n, List<string> errors)
    {
        if (n.GroupWait < TimeSpan.Zero)
        {
            errors.Add("Alerts:Notify:GroupWait must not be negative");
        }

        Positive(errors, n.GroupInterval, "Alerts:Notify:GroupInterval");
        Positive(errors, n.RepeatInterval, "Alerts:Notify:RepeatInterval");
        if (n.OutageShare is <= 0 or > 1 || n.OutageMinCameras < 1)
        {
            errors.Add("Alerts:Notify:OutageShare must be within (0, 1] and OutageMinCameras at least 1");
        }

        if (n.Shards is < 1 or > NotifyOptions.MaxShards)
        {
            errors.Add($"Alerts:Notify:Shards must be within 1..{NotifyOptions.MaxShards}");
        }
        else if (n.Shards > 1 && !n.EffectiveGroupBy.Contains(AlertLabels.Camera))
        {
            errors.Add("Alerts:Notify:Shards above 1 needs 'camera' in Alerts:Notify:GroupBy: a group must not span shards");
        }
    }

    private static void Positive(List<string> errors, TimeSpan value, string key)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive");
        }
    }

    private static void AddIf(List<string> errors, string? error, string key)
    {
        if (error is not null)
        {
            errors.Add($"{key}: {error}");
        }
    }
}
