using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace VibeCheck.Integration.Tests.Analytics;

/// <summary>Calls of the analytics API with the admin key.</summary>
public static class AnalyticsHttp
{
    public static async Task<HttpResponseMessage> QueryAsync(HttpClient client, string sql) =>
        await client.PostAsJsonAsync("/analytics/query", new { sql });

    /// <summary>Runs a query that must succeed and returns the body.</summary>
    public static async Task<JsonElement> QueryOkAsync(HttpClient admin, string sql)
    {
        var response = await QueryAsync(admin, sql);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{sql} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The single number a <c>SELECT COUNT(*) ...</c> answers.</summary>
    public static async Task<long> CountAsync(HttpClient admin, string sql)
    {
        var body = await QueryOkAsync(admin, sql);
        return body.GetProperty("rows")[0][0].GetInt64();
    }

    public static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
