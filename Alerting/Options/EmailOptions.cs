namespace VibeCheck.Alerting;

/// <summary><c>Alerts:Email</c>: SMTP through MailKit.</summary>
public sealed class EmailOptions
{
    /// <summary><c>Alerts:Email:Host</c>; the channel is off when empty.</summary>
    public string? Host { get; set; }

    /// <summary><c>Alerts:Email:Port</c>. Default 587 (submission).</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>Alerts:Email:From</c>: sender address.</summary>
    public string? From { get; set; }

    /// <summary><c>Alerts:Email:To</c>: recipients of HIGH alerts.</summary>
    public List<string> To { get; set; } = [];

    /// <summary><c>Alerts:Email:UseStartTls</c>: require STARTTLS. Default true; false sends in clear text.</summary>
    public bool UseStartTls { get; set; } = true;

    /// <summary>Optional SMTP user name; authentication happens only when set.</summary>
    public string? Username { get; set; }

    /// <summary>Optional SMTP password.</summary>
    public string? Password { get; set; }

    /// <summary>Timeout of each SMTP operation. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Redacted description, safe to log.</summary>
    public override string ToString() =>
        $"Email {{ Host = {Host}, Port = {Port}, From = {From}, To = [{string.Join(", ", To)}], UseStartTls = {UseStartTls}, Username = {Username}, Password = {Redaction.Secret(Password)}, Timeout = {Timeout} }}";
}
