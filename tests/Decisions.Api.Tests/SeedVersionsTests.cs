using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A fresh store serves the newest seed version with the older ones in its history; a store that already has
/// version 1 gets version 2 only through the ordinary review, with its impact measured on version 1's decisions.
/// </summary>
public sealed class SeedVersionsTests
{
    private static readonly Dictionary<string, string> EverySeed = new() { ["RuleSets:SeedThroughVersion"] = "2" };

    private static readonly string[] Seeds = ["big-customer-revenue", "corporate-tiering", "prospect-grading", "retail-tiering"];

    // Format 1 counts the transactions and products not sent as 0 and none: NEGATIVE; format 2 does not know them.
    private static readonly object NewCustomer = new { customerId = "R-NEW", avgDailyBalance = 0 };

    [Fact]
    public async Task A_fresh_store_activates_version_2_after_version_1_and_version_1_stays_pinnable()
    {
        await using var app = DecisionsAppFixture.With(EverySeed);
        var seededAt = app.Clock.GetUtcNow();
        var listed = await app.Read("auditor", "/v1/rulesets");
        app.Clock.Advance(TimeSpan.FromSeconds(1));

        var ruleSets = await app.Read("auditor", "/v1/rulesets");
        var trail = await app.Read("auditor", "/v1/audit?ruleSet=retail-tiering");
        var current = await app.Post("teller", "/v1/decisions", new { ruleSet = "retail-tiering", customer = NewCustomer }, HttpStatusCode.OK);
        var pinned = await app.Post("teller", "/v1/decisions",
            new { ruleSet = "retail-tiering", customer = NewCustomer, version = 1, asOf = seededAt }, HttpStatusCode.OK);

        Assert.Equal(Seeds, ruleSets.EnumerateArray().Select(r => r.GetProperty("name").GetString()));
        Assert.All(ruleSets.EnumerateArray(), r => Assert.Equal(2, r.GetProperty("activeVersion").GetInt32()));
        Assert.All(ruleSets.EnumerateArray(), r => Assert.Equal([1, 2], r.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32())));
        Assert.All(listed.EnumerateArray(), r => Assert.Equal(1, r.GetProperty("activeVersion").GetInt32()));
        Assert.Equal(
            [("seeded", 1), ("seeded", 2), ("activated", 1), ("activated", 2)],
            trail.EnumerateArray().Select(e => (e.GetProperty("action").GetString(), e.GetProperty("version").GetInt32())));
        Assert.Equal((2, "MASS"), Answer(current));
        Assert.Contains("customer.productsHeld", current.GetProperty("missingInputs").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal((1, "NEGATIVE"), Answer(pinned));
    }

    [Fact]
    public async Task A_store_with_version_1_keeps_it_at_start_and_takes_version_2_through_review_and_impact()
    {
        var first = new DecisionsAppFixture();
        foreach (var customer in new object[]
        {
            NewCustomer,
            new { customerId = "R-OTHER-VIP", avgDailyBalance = 1000, isOtherBankVip = true, monthlyTransactions = 3, productsHeld = new[] { "fund" } },
            new { customerId = "R-MASS", avgDailyBalance = 20000, monthlyTransactions = 6, productsHeld = new[] { "credit_card" } },
        })
        {
            Assert.Equal(1, Answer(await first.Post("teller", "/v1/decisions", new { ruleSet = "retail-tiering", customer }, HttpStatusCode.OK)).Version);
        }

        var trailBefore = (await first.Read("auditor", "/v1/audit")).GetArrayLength();
        await using var app = await first.Restart(EverySeed);

        var retail = (await app.Read("auditor", "/v1/rulesets")).EnumerateArray().Single(r => r.GetProperty("name").GetString() == "retail-tiering");
        Assert.Equal(1, retail.GetProperty("activeVersion").GetInt32());
        Assert.Equal(1, retail.GetProperty("versions").GetArrayLength());
        Assert.Equal(trailBefore, (await app.Read("auditor", "/v1/audit")).GetArrayLength());

        var file = await File.ReadAllTextAsync(Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets", "retail-tiering", "v2.json"));
        var imported = await (await app.Client("editor").PostAsync("/v1/rulesets/import", new StringContent(file, System.Text.Encoding.UTF8, "application/json"))).Json(HttpStatusCode.Created);
        Assert.Equal(2, imported.GetProperty("version").GetInt32());
        // An editor sees counts of ten and more only; an admin, who may read decisions, sees these three.
        var impact = await app.Post("admin", "/v1/rulesets/retail-tiering/versions/2/impact", new { last = 100 }, HttpStatusCode.OK);
        await app.Post("editor", "/v1/rulesets/retail-tiering/versions/2/submit", new { comment = "Version 2 of the seed" }, HttpStatusCode.OK);
        await app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/approve", new { comment = "Read against the documents" }, HttpStatusCode.OK);
        await app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "Go live" }, HttpStatusCode.OK);
        var after = await app.Post("teller", "/v1/decisions", new { ruleSet = "retail-tiering", customer = NewCustomer }, HttpStatusCode.OK);

        Assert.Equal(3, impact.GetProperty("decisions").GetInt32());
        Assert.Equal(0, impact.GetProperty("failed").GetInt32());
        Assert.Contains(impact.GetProperty("tierMigrations").EnumerateArray(), c => Cell(c) == ("NEGATIVE", "MASS", 1));
        Assert.Contains(impact.GetProperty("privilegesGained").EnumerateArray(), c => Cell(c) == ("HOME_SERVICE", "HOME_SERVICE", 1));
        Assert.Contains(impact.GetProperty("privilegesGained").EnumerateArray(), c => Cell(c) == ("CREDIT_LINKED_SERVICE", "CREDIT_LINKED_SERVICE", 1));
        Assert.Equal((2, "MASS"), Answer(after));
    }

    private static (int Version, string? Tier) Answer(JsonElement decision) =>
        (decision.GetProperty("ruleSet").GetProperty("version").GetInt32(), decision.GetProperty("tier").GetProperty("code").GetString());

    private static (string?, string?, int) Cell(JsonElement cell) =>
        (cell.GetProperty("from").GetString(), cell.GetProperty("to").GetString(), cell.GetProperty("count").GetInt32());
}
