using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>Impact counts customers, each by their latest decision in the chosen period, over the whole log.</summary>
public sealed class ImpactCustomerTests
{
    private const string Impact = "/v1/rulesets/retail-tiering/versions/2/impact";

    [Fact]
    public async Task A_customer_decided_three_times_counts_once_by_the_latest_decision()
    {
        await using var app = new DecisionsAppFixture();
        var once = await Decide(app, "R-ONCE", 350_000);
        await Decide(app, "R-THRICE", 350_000);
        await Decide(app, "R-THRICE", 360_000);
        var latest = await Decide(app, "R-THRICE", 20_000);
        await app.ApproveLowerVipThreshold();

        var report = await app.Post("admin", Impact, new { }, HttpStatusCode.OK);

        Assert.Equal((4, 2), (report.GetProperty("decisions").GetInt32(), report.GetProperty("customers").GetInt32()));
        Assert.Equal(1, report.GetProperty("changed").GetInt32());
        var toVip = Assert.Single(report.GetProperty("tierMigrations").EnumerateArray(),
            c => c.GetProperty("to").GetString() == "VIP");
        Assert.Equal(1, toVip.GetProperty("count").GetInt32());
        Assert.Equal([once], toVip.GetProperty("samples").EnumerateArray().Select(s => s.GetString()));
        var unchanged = report.GetProperty("tierMigrations")
            .EnumerateArray()
            .Where(c => c.GetProperty("to").GetString() != "VIP");
        Assert.Equal([latest],
            unchanged.SelectMany(c => c.GetProperty("samples").EnumerateArray()).Select(s => s.GetString()));
    }

    [Fact]
    public async Task The_period_defaults_to_the_last_90_days_and_bounds_which_decisions_count()
    {
        await using var app = new DecisionsAppFixture();
        var start = app.Clock.GetUtcNow();
        await Decide(app, "R-OLD", 350_000);
        app.Clock.Advance(TimeSpan.FromDays(100));
        await Decide(app, "R-NEW", 350_000);
        await Decide(app, "R-OLD", 350_000);
        await app.ApproveLowerVipThreshold();

        var recent = await app.Post("admin", Impact, new { }, HttpStatusCode.OK);
        var early = await app.Post("admin", Impact,
            new { from = start.AddHours(-1), to = start.AddHours(1) }, HttpStatusCode.OK);
        var all = await app.Post("admin", Impact, new { from = start.AddYears(-1) }, HttpStatusCode.OK);
        var refused = await app.Refused("admin", Impact, new { from = start, to = start },
            HttpStatusCode.UnprocessableEntity);

        Assert.Equal((2, 2), Counts(recent));
        Assert.Equal(app.Clock.GetUtcNow().AddDays(-90), recent.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, recent.GetProperty("to").ValueKind);
        Assert.Equal((1, 1), Counts(early));
        Assert.Equal((3, 2), Counts(all));
        Assert.Equal("to", refused.OnlyErrorPath());
    }

    [Fact]
    public async Task Erased_decisions_are_read_counted_apart_and_their_customers_not_re_decided()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, "R-GONE", 350_000);
        await Decide(app, "R-GONE", 360_000);
        await Decide(app, "R-KEPT", 350_000);
        await app.Erase("R-GONE");
        await app.ApproveLowerVipThreshold();

        var report = await app.Post("admin", Impact, new { }, HttpStatusCode.OK);

        Assert.Equal((3, 1), Counts(report));
        Assert.Equal((2, 1, 0), (report.GetProperty("erased").GetInt32(), report.GetProperty("changed").GetInt32(),
            report.GetProperty("failed").GetInt32()));
    }

    private static (int Decisions, int Customers) Counts(JsonElement report) =>
        (report.GetProperty("decisions").GetInt32(), report.GetProperty("customers").GetInt32());

    private static async Task<string> Decide(DecisionsAppFixture app, string customerId, int balance) =>
        (await app.Post("teller", "/v1/decisions",
            new { ruleSet = "retail-tiering", customer = new { customerId, avgDailyBalance = balance } },
            HttpStatusCode.OK))
        .GetProperty("decisionId").GetString()!;
}
