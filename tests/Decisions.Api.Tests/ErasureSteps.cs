using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>The calls the erasure and retention tests share.</summary>
internal static class ErasureSteps
{
    public static async Task<string> Decide(this DecisionsAppFixture app, string customerId, int balance = 500_000) =>
        (await app.Post("teller", "/v1/decisions",
            new { ruleSet = "retail-tiering", customer = new { customerId, avgDailyBalance = balance } },
            HttpStatusCode.OK))
        .GetProperty("decisionId").GetString()!;

    public static Task<JsonElement> Erase(this DecisionsAppFixture app, string customerId,
        string reason = "PIPL request #7") =>
        app.Post("admin", "/v1/erasures", new { customerId, reason }, HttpStatusCode.OK);

    public static async Task<JsonElement> Verify(this DecisionsAppFixture app)
    {
        var report = await app.Read("auditor", "/v1/audit/verify");
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        return report;
    }

    public static async Task<JsonElement> Between(this DecisionsAppFixture app,
        DateTimeOffset from, DateTimeOffset to) =>
        (await app.Read("auditor", $"/v1/decisions?from={Time(from)}&to={Time(to)}&limit=1000")).Items();

    public static async Task<IReadOnlyList<JsonElement>> Trail(this DecisionsAppFixture app, string action) =>
        [.. (await app.Read("auditor", "/v1/audit"))
            .Items()
            .EnumerateArray()
            .Where(e => e.GetProperty("action").GetString() == action)];

    public static bool IsErased(this JsonElement logged) =>
        logged.GetProperty("erasure").ValueKind == JsonValueKind.Object;

    private static string Time(DateTimeOffset time) =>
        Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture));
}
