using System.Net;
using System.Text;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A fresh store serves the newest seed version with the older ones in its history; a store that already has
/// version 1 gets version 2 only through the ordinary review, with its impact measured on version 1's decisions.
/// </summary>
public sealed class SeedVersionsTests
{
    private const string Retail = "/v1/rulesets/retail-tiering";

    private static readonly Dictionary<string, string> EverySeed = new() { ["RuleSets:SeedThroughVersion"] = "2" };

    private static readonly string[] Seeds =
        ["big-customer-revenue", "corporate-tiering", "prospect-grading", "retail-tiering"];

    // Format 1 counts the transactions and products not sent as 0 and none: NEGATIVE; format 2 does not know them.
    private static readonly object NewCustomer = new { customerId = "R-NEW", avgDailyBalance = 0 };

    [Fact]
    public async Task A_fresh_store_activates_version_2_after_version_1_and_version_1_stays_pinnable()
    {
        await using var app = DecisionsAppFixture.With(EverySeed);
        var seededAt = app.Clock.GetUtcNow();
        var listed = (await app.Read("auditor", "/v1/rulesets")).Items();
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var ruleSets = (await app.Read("auditor", "/v1/rulesets")).Items().EnumerateArray().ToList();
        var trail = (await app.Read("auditor", "/v1/audit?ruleSet=retail-tiering")).Items();
        var current = await Decide(app, new { ruleSet = "retail-tiering", customer = NewCustomer });
        var pinned = await Decide(app,
            new { ruleSet = "retail-tiering", customer = NewCustomer, version = 1, asOf = seededAt });

        Assert.Equal(Seeds, ruleSets.Select(r => r.GetProperty("name").GetString()));
        Assert.All(ruleSets, r => Assert.Equal(2, r.GetProperty("activeVersion").GetInt32()));
        Assert.All(ruleSets, r => Assert.Equal([1, 2], r.GetProperty("versions").EnumerateArray().Select(Version)));
        Assert.All(listed.EnumerateArray(), r => Assert.Equal(1, r.GetProperty("activeVersion").GetInt32()));
        Assert.Equal(
            [("seeded", 1), ("seeded", 2), ("activated", 1), ("activated", 2)],
            trail.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), Version(e))));
        Assert.Equal((2, "MASS"), Answer(current));
        Assert.Contains("customer.productsHeld",
            current.GetProperty("missingInputs").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal((1, "NEGATIVE"), Answer(pinned));
    }

    [Fact]
    public async Task A_store_with_version_1_keeps_it_at_start_and_takes_version_2_through_review_and_impact()
    {
        var first = new DecisionsAppFixture();
        foreach (var customer in new object[]
        {
            NewCustomer,
            new { customerId = "R-VIP-ELSEWHERE", avgDailyBalance = 1000, isOtherBankVip = true,
                productsHeld = new[] { "fund" } },
            new { customerId = "R-MASS", avgDailyBalance = 20000, monthlyTransactions = 6,
                productsHeld = new[] { "credit_card" } },
        })
        {
            Assert.Equal(1, Answer(await Decide(first, new { ruleSet = "retail-tiering", customer })).Version);
        }

        var trailBefore = (await first.Read("auditor", "/v1/audit")).Items().GetArrayLength();
        await using var app = await first.Restart(EverySeed);

        var retail = (await app.Read("auditor", "/v1/rulesets")).Items().EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "retail-tiering");
        Assert.Equal(1, retail.GetProperty("activeVersion").GetInt32());
        Assert.Equal(1, retail.GetProperty("versions").GetArrayLength());
        Assert.Equal(trailBefore, (await app.Read("auditor", "/v1/audit")).Items().GetArrayLength());

        var file = await File.ReadAllTextAsync(
            Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets", "retail-tiering", "v2.json"));
        var imported = await (await app.Client("editor").PostAsync(
            "/v1/rulesets/import", new StringContent(file, Encoding.UTF8, "application/json")))
            .Json(HttpStatusCode.Created);
        Assert.Equal(2, Version(imported));

        // An editor sees counts of ten and more only; an admin, who may read decisions, sees these three.
        var impact = await app.Post("admin", $"{Retail}/versions/2/impact", new { last = 100 }, HttpStatusCode.OK);
        await app.Post("editor", $"{Retail}/versions/2/submit",
            new { comment = "Version 2 of the seed" }, HttpStatusCode.OK);
        await app.Post("approver", $"{Retail}/versions/2/approve",
            new { comment = "Read against the documents" }, HttpStatusCode.OK);
        await app.Post("approver", $"{Retail}/versions/2/activate", new { comment = "Go live" }, HttpStatusCode.OK);
        var after = await Decide(app, new { ruleSet = "retail-tiering", customer = NewCustomer });

        Assert.Equal(3, impact.GetProperty("decisions").GetInt32());
        Assert.Equal(0, impact.GetProperty("failed").GetInt32());
        Assert.Contains(("NEGATIVE", "MASS", 1), Cells(impact, "tierMigrations"));
        Assert.Contains(("HOME_SERVICE", "HOME_SERVICE", 1), Cells(impact, "privilegesGained"));
        Assert.Contains(("CREDIT_LINKED_SERVICE", "CREDIT_LINKED_SERVICE", 1), Cells(impact, "privilegesGained"));
        Assert.Equal((2, "MASS"), Answer(after));
    }

    private static Task<JsonElement> Decide(DecisionsAppFixture app, object request) =>
        app.Post("teller", "/v1/decisions", request, HttpStatusCode.OK);

    private static int Version(JsonElement element) => element.GetProperty("version").GetInt32();

    private static (int Version, string? Tier) Answer(JsonElement decision) =>
        (Version(decision.GetProperty("ruleSet")), decision.GetProperty("tier").GetProperty("code").GetString());

    private static IEnumerable<(string?, string?, int)> Cells(JsonElement impact, string kind) =>
        impact.GetProperty(kind).EnumerateArray().Select(cell =>
            (cell.GetProperty("from").GetString(), cell.GetProperty("to").GetString(),
                cell.GetProperty("count").GetInt32()));
}
