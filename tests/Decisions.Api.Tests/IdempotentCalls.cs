using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>Requests carrying an Idempotency-Key, and what the log holds for a customer.</summary>
internal static class IdempotentCalls
{
    public static object Retail(string customerId, int balance = 400000) =>
        new
        {
            ruleSet = "retail-tiering",
            customer = new { customerId, avgDailyBalance = balance, lastTierReviewDate = "2026-03-01" },
        };

    public static Task<HttpResponseMessage> PostWithKey(this HttpClient client, string url, object body, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(message);
    }

    /// <summary>
    /// A teller's (or <paramref name="who"/>'s) decision for a retail customer, with an Idempotency-Key.
    /// </summary>
    public static Task<HttpResponseMessage> Decide(
        this DecisionsAppFixture app, string customerId, string key, int balance = 400000, string who = "teller") =>
        app.Client(who).PostWithKey("/v1/decisions", Retail(customerId, balance), key);

    /// <summary>The answer's body exactly as sent, after checking it is a 200.</summary>
    public static async Task<string> Answer(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {body}");
        return body;
    }

    public static string DecisionId(string body) =>
        JsonDocument.Parse(body).RootElement.GetProperty("decisionId").GetString()!;

    /// <summary>
    /// The ids of the decisions the log holds for <paramref name="customerId"/>, as an auditor finds them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> Logged(this DecisionsAppFixture app, string customerId)
    {
        var found = (await app.Read("auditor", $"/v1/decisions?customerId={customerId}&limit=100")).Items();
        return [.. found.EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()!)];
    }
}
