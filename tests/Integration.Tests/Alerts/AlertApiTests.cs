using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VibeCheck.Integration.Tests.Alerts;

/// <summary>The alert API's answers to bad input and missing keys (problem+json).</summary>
[Collection(AlertClusterCollection.Name)]
public sealed class AlertApiTests(AlertClusterFixture fixture)
{
    private VibeCheckCluster System => fixture.System;

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [InlineData("{\"tier\":\"LOW\"}")]
    [InlineData("{\"tier\":\"CRITICAL\"}")]
    [InlineData("{}")]
    public async Task Test_alert_with_unknown_tier_is_400(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await ProblemOf(await System.Http.PostAsync("/alerts/test", content), HttpStatusCode.BadRequest);
        Assert.Contains("HIGH or MEDIUM", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_alert_is_404_and_malformed_id_400()
    {
        await ProblemOf(await System.Http.GetAsync("/alerts/0123456789abcdef"), HttpStatusCode.NotFound);
        await ProblemOf(await System.Http.PostAsync("/alerts/0123456789abcdef/ack", null), HttpStatusCode.NotFound);
        await ProblemOf(await System.Http.GetAsync("/alerts/not-an-id"), HttpStatusCode.BadRequest);
        await ProblemOf(await System.Http.DeleteAsync("/silences/no-such-silence"), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{\"matchers\":[],\"duration\":\"01:00:00\"}", "at least one matcher")]
    [InlineData("{\"matchers\":[{\"name\":\"camera\",\"value\":\"x\"}]}", "endsAt or duration")]
    [InlineData("{\"matchers\":[{\"name\":\"camera\",\"value\":\"x\",\"operator\":\"~~\"}],\"duration\":\"01:00:00\"}", "operator")]
    [InlineData("{\"matchers\":[{\"name\":\"camera\",\"value\":\"(\",\"operator\":\"=~\"}],\"duration\":\"01:00:00\"}", "regular expression")]
    [InlineData("{\"matchers\":[{\"name\":\"camera\",\"value\":\"x\"}],\"endsAt\":\"2000-01-01T00:00:00Z\"}", "future")]
    public async Task Malformed_silence_is_400(string body, string reason)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var problem = await ProblemOf(await System.Http.PostAsync("/silences", content), HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Bad_filters_are_400()
    {
        await ProblemOf(await System.Http.GetAsync("/alerts?tier=urgent"), HttpStatusCode.BadRequest);
        await ProblemOf(await System.Http.GetAsync("/alerts?status=open"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Writes_need_the_writer_key()
    {
        using var anonymous = System.NewClient(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/alerts/test", new { tier = "HIGH" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/silences", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alerts")).StatusCode);
    }
}
