using System.Net;
using Decisions.Api.Limits;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>Impact and range replay read the log a page at a time and run within limits per key and in all.</summary>
public sealed class AnalysisLimitTests
{
    private static readonly object TellerDecision = new { ruleSet = "retail-tiering",
        customer = new { customerId = "R-T", avgDailyBalance = 10 } };

    [Fact]
    public async Task Runs_beyond_the_limits_get_429_with_retry_after_while_a_tellers_decision_is_answered()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string>
        {
            ["Limits:Analysis:RunsPerKey"] = "1", ["Limits:Analysis:RunsInAll"] = "2",
            ["Limits:Analysis:RetryAfterSeconds"] = "7",
        });
        await (await app.Client("teller").PostJson("/v1/decisions", TellerDecision)).Json(HttpStatusCode.OK);
        var gate = app.Services.GetRequiredService<AnalysisGate>();
        var replay = new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" };

        using (gate.TryEnter("admin"))
        {
            var perKey = await app.Client("admin").PostJson("/v1/decisions/replay", replay);
            Assert.Equal(TimeSpan.FromSeconds(7), perKey.Headers.RetryAfter?.Delta);
            Assert.Contains("1 analysis run(s) per key",
                (await perKey.Problem(HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString(),
                StringComparison.Ordinal);
            await (await app.Client("editor")
                .PostJson("/v1/rulesets/retail-tiering/versions/1/impact", new { last = 10 })).Json(HttpStatusCode.OK);

            using (gate.TryEnter("someone-else"))
            {
                var inAll = await app.Client("editor")
                    .PostJson("/v1/rulesets/retail-tiering/versions/1/impact", new { last = 10 });
                Assert.Contains("2 in all",
                    (await inAll.Problem(HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString(),
                    StringComparison.Ordinal);
                await (await app.Client("teller").PostJson("/v1/decisions", TellerDecision)).Json(HttpStatusCode.OK);
            }
        }

        var after = await (await app.Client("admin").PostJson("/v1/decisions/replay", replay)).Json(HttpStatusCode.OK);
        Assert.Equal(2, after.GetProperty("replayed").GetInt32());
    }

    [Fact]
    public async Task Impact_and_replay_follow_the_log_across_pages_and_stop_at_their_limit()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> { [
            "Limits:Analysis:PageSize"] = "10" });
        var customers = Enumerable.Range(0, 25)
            .Select(i => new { customerId = $"R-P{i}", avgDailyBalance = 350000 + i })
            .ToArray();
        await (await app.Client("teller")
            .PostJson("/v1/decisions/batch", new { ruleSet = "retail-tiering", customers })).Json(HttpStatusCode.OK);
        await app.ApproveLowerVipThreshold();

        var admin = app.Client("admin");
        var impact = await (await admin.PostJson("/v1/rulesets/retail-tiering/versions/2/impact", new { last = 23 }))
            .Json(HttpStatusCode.OK);
        var all = await (await admin.PostJson("/v1/decisions/replay",
            new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" })).Json(HttpStatusCode.OK);

        Assert.Equal(23, impact.GetProperty("decisions").GetInt32());
        Assert.Equal(23,
            impact.GetProperty("tierMigrations")
                .EnumerateArray()
                .Single(c => c.GetProperty("to").GetString() == "VIP")
                .GetProperty("count")
                .GetInt32());
        Assert.Equal(25, all.GetProperty("replayed").GetInt32());
        Assert.Equal(25, all.GetProperty("identical").GetInt32());
    }
}
