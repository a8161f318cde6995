using System.Net;

namespace Decisions.Api.Tests;

/// <summary>Decisions stay consistent while versions change, and tampering with the file is found and named.</summary>
public sealed class ConsistencyTests
{
    [Fact]
    public async Task Decisions_made_while_a_version_is_activated_each_follow_exactly_one_version()
    {
        await using var app = new DecisionsAppFixture();
        await app.ApproveLowerVipThreshold();

        var teller = app.Client("teller");
        var request = new { ruleSet = "retail-tiering",
            customer = new { customerId = "R-400", avgDailyBalance = 400000, lastTierReviewDate = "2026-03-01" } };
        var decisions = Enumerable.Range(0, 300).Select(async i =>
        {
            await Task.Yield();
            return await (await teller.PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);
        }).ToList();
        await (await app.Client("approver")
            .PostJson("/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "now" }))
            .Json(HttpStatusCode.OK);
        var answers = await Task.WhenAll(decisions);
        var after = await (await teller.PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);

        foreach (var answer in answers.Append(after))
        {
            var version = answer.GetProperty("ruleSet").GetProperty("version").GetInt32();
            Assert.Equal(version == 2 ? "VIP" : "TARGET", answer.GetProperty("tier").GetProperty("code").GetString());
        }

        Assert.Equal(2, after.GetProperty("ruleSet").GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("decisions", "decision ")]
    [InlineData("audit", "audit #")]
    [InlineData("versions", "rule set retail-tiering v1")]
    public async Task Editing_the_store_directly_is_detected_and_the_entry_named(string collection, string named)
    {
        var app = new DecisionsAppFixture();
        await (await app.Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = new { customerId = "R-1", avgDailyBalance = 10 } }))
                .Json(HttpStatusCode.OK);
        var intact = await (await app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(intact.GetProperty("intact").GetBoolean());
        await app.StopAsync();

        // The same edits in the LiteDB file or, with SQL, in the PostgreSQL tables; no hash is recomputed.
        var store = StoreTampering.Of(app);
        switch (collection)
        {
            case "decisions":
                store.EditDecision(1, d => d with { CustomerId = d.CustomerId + " " }, rechain: false);
                break;
            case "audit":
                store.EditAuditEntry(1, e => e with { Comment = e.Comment + " " }, rechain: false);
                break;
            default:
                store.EditVersion("retail-tiering", 1,
                    v => v with { Json = v.Json.Replace("500000", "400000", StringComparison.Ordinal) });
                break;
        }

        var restarted = app.Reopened();
        try
        {
            var report = await (await restarted.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);

            Assert.False(report.GetProperty("intact").GetBoolean());
            Assert.StartsWith(named, report.GetProperty("firstBroken").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }
}
