using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using VibeCheck.Warehouse.BigQuery;

namespace VibeCheck.Grains.Processing.PubSub;

/// <summary>
/// A small client of the Pub/Sub REST API v1: <c>projects.topics.publish</c>, <c>projects.subscriptions.pull</c>,
/// <c>acknowledge</c> and <c>modifyAckDeadline</c>, with tokens from Google credentials. Calls answered 429 or 5xx
/// are retried with exponential backoff.
/// </summary>
public sealed class PubSubClient
{
    /// <summary>OAuth scope for Pub/Sub.</summary>
    public const string Scope = "https://www.googleapis.com/auth/pubsub";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;
    private readonly GoogleAccessTokens _tokens;
    private readonly PubSubConnectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PubSubClient> _logger;

    /// <summary>Creates the client; <paramref name="http"/> gets its base address from <see cref="PubSubConnectionOptions.BaseUrl"/>.</summary>
    public PubSubClient(HttpClient http, PubSubConnectionOptions options, TimeProvider time, ILogger<PubSubClient> logger)
    {
        _http = http;
        _options = options;
        _tokens = new GoogleAccessTokens(_options.CredentialsPath, Scope);
        _time = time;
        _logger = logger;
        _http.BaseAddress ??= new Uri(_options.BaseUrl.EndsWith('/') ? _options.BaseUrl : _options.BaseUrl + "/");
        Project = _options.Project ?? throw new InvalidOperationException("The Pub/Sub project is not set.");
    }

    /// <summary>Project the client works in.</summary>
    public string Project { get; }

    /// <summary><c>topics.publish</c>; returns the message ids Pub/Sub gave the messages.</summary>
    public async Task<IReadOnlyList<string>> PublishAsync(string topic, IReadOnlyList<PubSubMessage> messages, CancellationToken cancellationToken)
    {
        var response = await SendAsync<PublishResponse>($"{TopicPath(topic)}:publish", new PublishRequest(messages), cancellationToken);
        return response.MessageIds ?? [];
    }

    /// <summary><c>subscriptions.pull</c>: up to <paramref name="maxMessages"/> messages, waiting a while when none is there.</summary>
    public async Task<IReadOnlyList<PubSubReceivedMessage>> PullAsync(string subscription, int maxMessages, CancellationToken cancellationToken)
    {
        var response = await SendAsync<PullResponse>($"{SubscriptionPath(subscription)}:pull", new PullRequest(maxMessages), cancellationToken);
        return response.ReceivedMessages ?? [];
    }

    /// <summary><c>subscriptions.acknowledge</c>: the messages are done and not delivered again.</summary>
    public Task AcknowledgeAsync(string subscription, IReadOnlyList<string> ackIds, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>($"{SubscriptionPath(subscription)}:acknowledge", new AcknowledgeRequest(ackIds), cancellationToken);

    /// <summary>
    /// <c>subscriptions.modifyAckDeadline</c>: the messages' deadlines end <paramref name="deadline"/> from now; zero
    /// hands them back at once for redelivery (a nack).
    /// </summary>
    public Task ModifyAckDeadlineAsync(string subscription, IReadOnlyList<string> ackIds, TimeSpan deadline, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(
            $"{SubscriptionPath(subscription)}:modifyAckDeadline", new ModifyAckDeadlineRequest(ackIds, (int)deadline.TotalSeconds), cancellationToken);

    private string TopicPath(string topic) => $"v1/projects/{Uri.EscapeDataString(Project)}/topics/{Uri.EscapeDataString(topic)}";

    private string SubscriptionPath(string subscription) =>
        $"v1/projects/{Uri.EscapeDataString(Project)}/subscriptions/{Uri.EscapeDataString(subscription)}";

    private async Task<T> SendAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        var delay = _options.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _tokens.GetAccessTokenAsync(cancellationToken));
            using var response = await _http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonSerializer.Deserialize<T>(string.IsNullOrWhiteSpace(text) ? "{}" : text, Json)!;
            }

            var (status, message) = GoogleError.Of(text);
            if ((int)response.StatusCode is not (429 or >= 500) || attempt >= _options.MaxAttempts)
            {
                throw new PubSubApiException(response.StatusCode, status, message);
            }

            _logger.LogWarning("Pub/Sub {Path} answered {Status} {GoogleStatus}; retry {Attempt} in {Delay}",
                path, (int)response.StatusCode, status, attempt, delay);
            await Task.Delay(delay, _time, cancellationToken);
            delay += delay;
        }
    }
}
