using System.Net;
using System.Text;
using System.Text.Json;

namespace VibeCheck.TestSupport;

/// <summary>An error the stand-in answers as Twilio does: HTTP status, Twilio error code, message.</summary>
public sealed record TwilioFault(int Status, int Code, string Message)
{
    public static readonly TwilioFault InvalidNumber = new(400, 21211, "The 'To' number is not a valid phone number.");
    public static readonly TwilioFault Unsubscribed = new(400, 21610, "Attempt to send to unsubscribed recipient");
    public static readonly TwilioFault TooManyRequests = new(429, 20429, "Too Many Requests");
    public static readonly TwilioFault Unavailable = new(503, 20503, "Service Unavailable");
}

/// <summary>A message the stand-in accepted.</summary>
public sealed record TwilioMessage(string To, string From, string Body);

/// <summary>
/// A real HTTP listener on loopback that answers like the Twilio Messages API:
/// <c>POST /2010-04-01/Accounts/{sid}/Messages.json</c>, form-encoded, Basic auth with the account SID and token;
/// 201 with a message resource, or Twilio's error resource (404 20404 for another path, 401 20003 for other
/// credentials, or the fault the script chooses for a request number and recipient).
/// </summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string AuthToken = "twilio-token-0123456789abcdef01";
    public const string From = "+12125550100";

    private readonly LoopbackReceiver _receiver;
    private readonly List<TwilioMessage> _accepted = [];

    private TwilioStandIn(LoopbackReceiver receiver) => _receiver = receiver;

    public string BaseUrl => _receiver.BaseUrl;

    /// <summary>Every request, accepted or not.</summary>
    public IReadOnlyCollection<ReceivedRequest> Requests => _receiver.Requests;

    /// <summary>Messages answered 201, in order.</summary>
    public IReadOnlyList<TwilioMessage> Accepted
    {
        get
        {
            lock (_accepted)
            {
                return [.. _accepted];
            }
        }
    }

    /// <summary>Starts a stand-in; <paramref name="fault"/> gets the 1-based request number and the recipient, null accepts.</summary>
    public static async Task<TwilioStandIn> StartAsync(Func<int, string, TwilioFault?>? fault = null)
    {
        TwilioStandIn? standIn = null;
        var receiver = await LoopbackReceiver.StartAsync((n, request, _) => Task.FromResult(standIn!.Answer(n, request, fault)));
        standIn = new TwilioStandIn(receiver);
        return standIn;
    }

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    private LoopbackAnswer Answer(int n, ReceivedRequest request, Func<int, string, TwilioFault?>? fault)
    {
        if (request.Path != $"/2010-04-01/Accounts/{AccountSid}/Messages.json")
        {
            return Error(new TwilioFault(404, 20404, "The requested resource was not found"));
        }

        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        if (request.Headers.GetValueOrDefault("Authorization") != basic)
        {
            return Error(new TwilioFault(401, 20003, "Authenticate"));
        }

        var form = Encoding.UTF8.GetString(request.Body).Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.ElementAtOrDefault(1) ?? ""), StringComparer.Ordinal);
        var to = form.GetValueOrDefault("To", "");
        if (fault?.Invoke(n, to) is { } chosen)
        {
            return Error(chosen);
        }

        var message = new TwilioMessage(to, form.GetValueOrDefault("From", ""), form.GetValueOrDefault("Body", ""));
        lock (_accepted)
        {
            _accepted.Add(message);
        }

        var sid = "SM" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        return new LoopbackAnswer(201, JsonSerializer.Serialize(new
        {
            sid,
            account_sid = AccountSid,
            to = message.To,
            from = message.From,
            body = message.Body,
            status = "queued",
            num_segments = "1",
        }));
    }

    private static LoopbackAnswer Error(TwilioFault fault) => new(fault.Status, JsonSerializer.Serialize(new
    {
        code = fault.Code,
        message = fault.Message,
        more_info = $"https://www.twilio.com/docs/errors/{fault.Code}",
        status = fault.Status,
    }));
}
