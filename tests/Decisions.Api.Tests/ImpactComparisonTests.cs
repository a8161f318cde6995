using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// Impact compares like with like: what a version would change against what the active version decides, each
/// customer once, with samples a person tells apart (customer and time, not a prefix of a time-ordered id).
/// </summary>
public sealed class ImpactComparisonTests
{
    [Fact]
    public async Task A_copy_of_the_active_version_changes_nobody_though_the_latest_decisions_were_made_by_an_older_one()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, "R-CLOSE", 350_000);
        await Decide(app, "R-LOW", 20_000);
        await app.ApproveLowerVipThreshold();
        await app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "now" },
            HttpStatusCode.OK);
        await app.Post("editor", "/v1/rulesets/retail-tiering/drafts", new { from = 2 }, HttpStatusCode.Created);

        var copy = await app.Post("admin", "/v1/rulesets/retail-tiering/versions/3/impact", new { }, HttpStatusCode.OK);
        var active = await app.Post("admin", "/v1/rulesets/retail-tiering/versions/2/impact",
            new { }, HttpStatusCode.OK);

        // Logged under v1, R-CLOSE was TARGET; v2, active, makes it VIP: that change is v2's, not the copy's.
        foreach (var report in new[] { copy, active })
        {
            Assert.Equal((0, 2, 2), (report.GetProperty("changed").GetInt32(),
                report.GetProperty("activeVersion").GetInt32(), report.GetProperty("comparedWithActive").GetInt32()));
            Assert.Equal(["MASS→MASS", "VIP→VIP"], report.GetProperty("tierMigrations").EnumerateArray()
                .Select(c => $"{c.GetProperty("from").GetString()}→{c.GetProperty("to").GetString()}"));
        }
    }

    [Fact]
    public async Task A_privilege_lost_is_one_cell_counting_each_customer_once_with_samples_by_customer_and_time()
    {
        await using var app = new DecisionsAppFixture();
        var rich = new[] { await Decide(app, "R-RICH", 600_000), await Decide(app, "R-RICH", 610_000) };
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var richer = await Decide(app, "R-RICHER", 700_000);
        await app.DraftRetailTiering(800_000);

        var report = await app.Post("admin", "/v1/rulesets/retail-tiering/versions/2/impact",
            new { }, HttpStatusCode.OK);

        var lost = report.GetProperty("privilegesLost").EnumerateArray().ToList();
        Assert.Equal(["DEDICATED_RM", "HIGH_CREDIT_LIMIT", "HOME_SERVICE", "VIP_ROOM"],
            lost.Select(c => c.GetProperty("from").GetString()));
        Assert.Empty(report.GetProperty("privilegesGained").EnumerateArray());
        foreach (var cell in lost)
        {
            Assert.Equal(cell.GetProperty("from").GetString(), cell.GetProperty("to").GetString());
            Assert.Equal(2, cell.GetProperty("count").GetInt32());
            var examples = cell.GetProperty("examples").EnumerateArray().ToList();
            Assert.Equal([richer, rich[1]], examples.Select(e => e.GetProperty("decisionId").GetString()));
            Assert.Equal(["R-RICHER", "R-RICH"], examples.Select(e => e.GetProperty("customerId").GetString()));
            Assert.Equal(app.Clock.GetUtcNow(), examples[0].GetProperty("decidedAt").GetDateTimeOffset());
            Assert.Equal([richer, rich[1]], cell.GetProperty("samples").EnumerateArray().Select(s => s.GetString()));
        }
    }

    [Fact]
    public async Task An_editor_sees_neither_samples_nor_a_small_count_compared_with_the_active_version()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, "R-RICH", 600_000);
        await app.DraftRetailTiering(800_000);

        var report = await app.Post("editor", "/v1/rulesets/retail-tiering/versions/2/impact",
            new { }, HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, report.GetProperty("comparedWithActive").ValueKind);
        Assert.Equal(1, report.GetProperty("activeVersion").GetInt32());
        Assert.All(report.GetProperty("privilegesLost").EnumerateArray(),
            cell => Assert.Empty(cell.GetProperty("examples").EnumerateArray()));
    }

    private static async Task<string> Decide(DecisionsAppFixture app, string customerId, int balance) =>
        (await app.Post("teller", "/v1/decisions",
            new { ruleSet = "retail-tiering", customer = new { customerId, avgDailyBalance = balance } },
            HttpStatusCode.OK))
        .GetProperty("decisionId").GetString()!;
}
