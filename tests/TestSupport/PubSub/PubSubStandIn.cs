using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VibeCheck.TestSupport.PubSub;

/// <summary>
/// A Kestrel app on 127.0.0.1 answering like Google Cloud Pub/Sub's REST API v1 (<c>topics.publish</c>,
/// <c>subscriptions.pull</c>, <c>acknowledge</c>, <c>modifyAckDeadline</c>), with real ack deadlines and redelivery,
/// <c>deliveryAttempt</c>, Google's error JSON and bearer tokens it issued itself at <c>/token</c> for a JWT signed
/// with <see cref="Account"/>'s key, as Google's OAuth server does for a service account.
/// </summary>
public sealed partial class PubSubStandIn : IAsyncDisposable
{
    /// <summary>The only project it knows.</summary>
    public const string Project = "vibe-proj-1";

    /// <summary>Scope a token must be asked for.</summary>
    public const string Scope = "https://www.googleapis.com/auth/pubsub";

    // Google.Apis.Auth addresses the JWT to Google's token endpoint whatever the key file's token_uri, as Google expects.
    private const string GoogleTokenAudience = "https://oauth2.googleapis.com/token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, StandInSubscription> _subscriptions = new();
    private readonly ConcurrentDictionary<string, byte> _topics = new();
    private readonly ConcurrentDictionary<string, byte> _tokens = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly object _faultGate = new();
    private int _faultsLeft;
    private int _faultStatus;
    private long _messageIds;

    private PubSubStandIn(WebApplication app) => _app = app;

    /// <summary>The service account whose signed JWTs <c>/token</c> exchanges for access tokens.</summary>
    public ServiceAccountKey Account { get; } = new();

    /// <summary>Root URL, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => _app.Urls.First();

    /// <summary>How long a pull waits for a message before answering with none.</summary>
    public TimeSpan PullWait { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Requests answered with an injected fault so far.</summary>
    public int FaultsServed { get; private set; }

    /// <summary>Access tokens issued so far.</summary>
    public int TokensIssued => _tokens.Count;

    /// <summary>Starts the stand-in on a free loopback port.</summary>
    public static async Task<PubSubStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new PubSubStandIn(app);
        app.Run(standIn.AnswerAsync);
        await app.StartAsync();
        return standIn;
    }

    /// <summary>Writes the service account's key file (its <c>token_uri</c> is this stand-in) and returns its path.</summary>
    public string WriteKeyFile(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "service-account.json");
        File.WriteAllText(path, Account.Json(Project, BaseUrl + "/token"));
        return path;
    }

    /// <summary>Creates a topic.</summary>
    public void CreateTopic(string topic) => _topics[topic] = 0;

    /// <summary>
    /// Creates a subscription to <paramref name="topic"/>; <paramref name="countsDeliveries"/> as with a dead-letter
    /// policy, <paramref name="enableMessageOrdering"/> as with <c>--enable-message-ordering</c>.
    /// </summary>
    public StandInSubscription CreateSubscription(string name, string topic, TimeSpan ackDeadline, bool countsDeliveries = true, bool enableMessageOrdering = false) =>
        _subscriptions[name] = new StandInSubscription(name, topic, ackDeadline, countsDeliveries, enableMessageOrdering);

    /// <summary>The subscription named <paramref name="name"/>.</summary>
    public StandInSubscription Subscription(string name) => _subscriptions[name];

    /// <summary>The next <paramref name="count"/> API requests are answered <paramref name="status"/> with Google's error JSON.</summary>
    public void FailNext(int count, int status = 503)
    {
        lock (_faultGate)
        {
            _faultsLeft = count;
            _faultStatus = status;
        }
    }

    /// <summary>Requests of one method (<c>publish</c>, <c>pull</c>, <c>acknowledge</c>, <c>modifyAckDeadline</c>) answered with success.</summary>
    public int Calls(string method) => _calls.GetValueOrDefault(method);

    /// <summary>Publishes <paramref name="text"/> to <paramref name="topic"/> as a client would; returns its message id.</summary>
    public string Publish(string topic, string text, IReadOnlyDictionary<string, string>? attributes = null, string? orderingKey = null) =>
        Publish(topic, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), attributes ?? new Dictionary<string, string>(), DateTimeOffset.UtcNow, orderingKey);

    /// <summary>
    /// Publishes <paramref name="text"/> and, in the same step, delivers it on every subscription to a consumer that
    /// will never answer (a silo that died mid-work), so only redelivery after the ack deadline can get it done.
    /// </summary>
    public string PublishTakenByLostConsumer(string topic, string text)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Publish(topic, Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), new Dictionary<string, string>(), now);
        foreach (var subscription in _subscriptions.Values.Where(s => s.Topic == topic))
        {
            subscription.TakeForLostConsumer(id, now);
        }

        return id;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Account.Dispose();
    }

    private string Publish(string topic, string? data, IReadOnlyDictionary<string, string> attributes, DateTimeOffset now, string? orderingKey = null)
    {
        var id = Interlocked.Increment(ref _messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var subscription in _subscriptions.Values.Where(s => s.Topic == topic))
        {
            subscription.Add(new StandInMessage(id, data, attributes, now, orderingKey));
        }

        return id;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var (status, body) = await RouteAsync(context);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private async Task<(int, JsonNode)> RouteAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Method != HttpMethods.Post)
        {
            return Error(405, "Method not allowed.", "INVALID_ARGUMENT");
        }

        if (request.Path == "/token")
        {
            return await TokenAsync(request);
        }

        var route = ApiRoute().Match(request.Path.Value ?? "");
        if (!route.Success)
        {
            return Error(404, $"The requested URL {request.Path} was not found on this server.", "NOT_FOUND");
        }

        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(authorization["Bearer ".Length..]))
        {
            return Error(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED");
        }

        lock (_faultGate)
        {
            if (_faultsLeft > 0)
            {
                _faultsLeft--;
                FaultsServed++;
                return Error(_faultStatus, "The service was unable to fulfill your request. Please try again.", _faultStatus == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE");
            }
        }

        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body);
        }
        catch (JsonException ex)
        {
            return Error(400, $"Invalid JSON payload received. {ex.Message}", "INVALID_ARGUMENT");
        }

        var (project, kind, name, method) = (route.Groups[1].Value, route.Groups[2].Value, route.Groups[3].Value, route.Groups[4].Value);
        var resource = $"projects/{project}/{kind}/{name}";
        var answer = (kind, method) switch
        {
            _ when project != Project => Error(404, $"Resource not found (resource={name}).", "NOT_FOUND"),
            ("topics", "publish") => _topics.ContainsKey(name) ? PublishFrom(name, body) : Error(404, $"Resource not found (resource={name}).", "NOT_FOUND"),
            ("subscriptions", _) when !_subscriptions.ContainsKey(name) => Error(404, $"Resource not found (resource={name}).", "NOT_FOUND"),
            ("subscriptions", "pull") => await PullAsync(_subscriptions[name], body, context.RequestAborted),
            ("subscriptions", "acknowledge") => Acknowledge(_subscriptions[name], body),
            ("subscriptions", "modifyAckDeadline") => ModifyAckDeadline(_subscriptions[name], body),
            _ => Error(404, $"Method {method} not found for {resource}.", "NOT_FOUND"),
        };
        if (answer.Item1 == 200)
        {
            _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        }

        return answer;
    }

    private async Task<(int, JsonNode)> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "urn:ietf:params:oauth:grant-type:jwt-bearer")
        {
            return (400, new JsonObject { ["error"] = "unsupported_grant_type", ["error_description"] = "Invalid grant_type." });
        }

        var rejected = Account.Reject(form["assertion"].ToString(), GoogleTokenAudience, Scope, DateTimeOffset.UtcNow);
        if (rejected is not null)
        {
            return (400, new JsonObject { ["error"] = "invalid_grant", ["error_description"] = rejected });
        }

        var token = "ya29.stand-in-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[token] = 0;
        return (200, new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" });
    }

    private (int, JsonNode) PublishFrom(string topic, JsonNode? body)
    {
        if (body?["messages"] is not JsonArray { Count: > 0 } messages)
        {
            return Error(400, "No messages in the request.", "INVALID_ARGUMENT");
        }

        if (messages.Any(m => m?["data"] is null && m?["attributes"] is not JsonObject { Count: > 0 }))
        {
            return Error(400, "Some messages are empty.", "INVALID_ARGUMENT");
        }

        // As Pub/Sub: every message of one publish request has the same ordering key (none counts as the empty one).
        if (messages.Select(m => (string?)m?["orderingKey"] ?? "").Distinct().Count() > 1)
        {
            return Error(400, "In a single publish request, all messages must have no ordering key or they must all have the same ordering key.", "INVALID_ARGUMENT");
        }

        var now = DateTimeOffset.UtcNow;
        var ids = messages.Select(m => Publish(topic, (string?)m!["data"],
            (m["attributes"] as JsonObject)?.ToDictionary(a => a.Key, a => (string)a.Value!) ?? new Dictionary<string, string>(), now,
            (string?)m["orderingKey"]));
        return (200, new JsonObject { ["messageIds"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]) });
    }

    private async Task<(int, JsonNode)> PullAsync(StandInSubscription subscription, JsonNode? body, CancellationToken aborted)
    {
        var max = (int?)body?["maxMessages"] ?? 0;
        if (max < 1)
        {
            return Error(400, "maxMessages must be > 0.", "INVALID_ARGUMENT");
        }

        var until = DateTimeOffset.UtcNow + PullWait;
        IReadOnlyList<StandInMessage> delivered;
        while ((delivered = subscription.Deliver(max, DateTimeOffset.UtcNow)).Count == 0 && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(20, aborted);
        }

        if (delivered.Count == 0)
        {
            return (200, new JsonObject());
        }

        var received = delivered.Select(m =>
        {
            var message = new JsonObject
            {
                ["messageId"] = m.Id,
                ["publishTime"] = m.PublishTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            };
            if (m.Data is not null)
            {
                message["data"] = m.Data;
            }

            if (m.OrderingKey is not null)
            {
                message["orderingKey"] = m.OrderingKey;
            }

            if (m.Attributes.Count > 0)
            {
                message["attributes"] = new JsonObject([.. m.Attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))]);
            }

            var item = new JsonObject { ["ackId"] = m.AckId, ["message"] = message };
            if (subscription.CountsDeliveries)
            {
                item["deliveryAttempt"] = m.Deliveries;
            }

            return (JsonNode)item;
        });
        return (200, new JsonObject { ["receivedMessages"] = new JsonArray([.. received]) });
    }

    private static (int, JsonNode) Acknowledge(StandInSubscription subscription, JsonNode? body)
    {
        if (body?["ackIds"] is not JsonArray { Count: > 0 } ackIds)
        {
            return Error(400, "No ack ids in the request.", "INVALID_ARGUMENT");
        }

        subscription.Acknowledge(ackIds.Select(a => (string)a!), DateTimeOffset.UtcNow);
        return (200, new JsonObject());
    }

    private static (int, JsonNode) ModifyAckDeadline(StandInSubscription subscription, JsonNode? body)
    {
        var seconds = (int?)body?["ackDeadlineSeconds"];
        if (body?["ackIds"] is not JsonArray { Count: > 0 } ackIds || seconds is null or < 0 or > 600)
        {
            return Error(400, "Invalid ack deadline or no ack ids: ackDeadlineSeconds must be in 0..600.", "INVALID_ARGUMENT");
        }

        subscription.ModifyDeadline(ackIds.Select(a => (string)a!).ToList(), TimeSpan.FromSeconds(seconds.Value), DateTimeOffset.UtcNow);
        return (200, new JsonObject());
    }

    private static (int, JsonNode) Error(int code, string message, string status) =>
        (code, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } });

    [GeneratedRegex("^/v1/projects/([^/]+)/(topics|subscriptions)/([^/:]+):([A-Za-z]+)$")]
    private static partial Regex ApiRoute();
}
