using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Decisions.Api.Tests;

/// <summary>
/// Product teams change a policy without a deployment; four eyes, immutability and the trail hold throughout.
/// </summary>
public sealed class LifecycleTests : IAsyncLifetime
{
    private readonly DecisionsAppFixture _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_lowered_vip_threshold_goes_from_draft_to_active_and_can_be_rolled_back()
    {
        var editor = _app.Client("editor");
        var approver = _app.Client("approver");
        var customer = new { customerId = "R-7", avgDailyBalance = 400000, lastTierReviewDate = "2026-03-01" };
        Assert.Equal("TARGET", await Tier(customer));

        var draft = await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        Assert.Equal(2, draft.GetProperty("version").GetInt32());
        var content = await Content(editor, 2);
        content["parameters"]!["vipAvgDailyBalance"]!["value"] = 300000;
        var belowOld = content["tests"]!.AsArray()
            .First(t => t!["name"]!.GetValue<string>() == "Just below the VIP balance threshold is TARGET")!;
        belowOld["customer"]!["avgDailyBalance"] = 299999.99;
        await (await editor.PutAsJsonAsync("/v1/rulesets/retail-tiering/versions/2", content)).Json(HttpStatusCode.OK);

        var validation = await (await editor.PostAsync("/v1/rulesets/retail-tiering/versions/2/validate", null))
            .Json(HttpStatusCode.OK);
        Assert.True(validation.GetProperty("valid").GetBoolean(), validation.ToString());
        var simulated = await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/2/simulate",
            new { customer })).Json(HttpStatusCode.OK);
        Assert.Equal("VIP", simulated.GetProperty("decision").GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal("TARGET", await Tier(customer));

        await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/2/submit",
            new { comment = "Lower the VIP line to 300k" })).Json(HttpStatusCode.OK);
        await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/2/approve", new { comment = "self" }))
            .Problem(HttpStatusCode.Forbidden);
        await (await approver.PostJson("/v1/rulesets/retail-tiering/versions/2/approve",
            new { comment = "OK by risk" })).Json(HttpStatusCode.OK);
        await (await editor.PutAsJsonAsync("/v1/rulesets/retail-tiering/versions/2", content))
            .Problem(HttpStatusCode.Conflict);
        await (await approver.PostJson("/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "Go live" }))
            .Json(HttpStatusCode.OK);
        Assert.Equal("VIP", await Tier(customer));

        var diff = await (await editor.GetAsync("/v1/rulesets/retail-tiering/diff?from=1&to=2"))
            .Json(HttpStatusCode.OK);
        Assert.Contains(diff.EnumerateArray(),
            c =>
                c.GetProperty("section")
                    .GetString() == "parameters" && c.GetProperty("key")
                    .GetString() == "vipAvgDailyBalance");

        await (await approver.PostJson("/v1/rulesets/retail-tiering/rollback",
            new { toVersion = 1, comment = "Back out" })).Json(HttpStatusCode.OK);
        Assert.Equal("TARGET", await Tier(customer));

        var trail = (await (await _app.Client("auditor").GetAsync("/v1/audit?ruleSet=retail-tiering"))
            .Json(HttpStatusCode.OK)).Items();
        Assert.Equal(
            ["seeded", "activated", "draft-created", "draft-updated", "submitted", "approved",
                "activated", "rolled-back"],
            trail.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        var verify = await (await _app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_scheduled_activation_takes_effect_at_its_time()
    {
        var admin = _app.Client("admin");
        await PublishCopy(admin, _app.Client("approver"), "big-customer-revenue", from: 1,
            change: c => c["parameters"]!["registrationRevenue"]!["value"] = 8000);
        var start = _app.Clock.GetUtcNow();
        await (await _app.Client("approver")
            .PostJson("/v1/rulesets/big-customer-revenue/versions/2/activate",
                new { comment = "Next month", effectiveAt = start.AddHours(1) })).Json(HttpStatusCode.OK);

        var overview = (await (await admin.GetAsync("/v1/rulesets")).Json(HttpStatusCode.OK)).Items();
        var entry = overview.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "big-customer-revenue");
        Assert.Equal(1, entry.GetProperty("activeVersion").GetInt32());
        Assert.Equal(2,
            Assert.Single(entry.GetProperty("scheduled").EnumerateArray()).GetProperty("version").GetInt32());
        Assert.Equal(1,
            await Version("big-customer-revenue", new { customerId = "G", annualRevenue = 1, cityGroup = 1 }));

        _app.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(2,
            await Version("big-customer-revenue", new { customerId = "G", annualRevenue = 1, cityGroup = 1 }));
        var asOf = await (await _app.Client("auditor")
            .GetAsync($"/v1/audit/active/big-customer-revenue?at={Uri.EscapeDataString(start.ToString("O"))}"))
            .Json(HttpStatusCode.OK);
        Assert.Equal(1, asOf.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_broken_draft_shows_its_problems_by_path_and_cannot_be_submitted()
    {
        var editor = _app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/corporate-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var content = await Content(editor, 2, "corporate-tiering");
        content["tiers"]!["rules"]![0]!["when"] = "customer.headOfficeRelationship ||";
        await (await editor.PutAsJsonAsync("/v1/rulesets/corporate-tiering/versions/2", content))
            .Json(HttpStatusCode.OK);

        var validation = await (await editor.PostAsync("/v1/rulesets/corporate-tiering/versions/2/validate", null))
            .Json(HttpStatusCode.OK);
        var submit = await (await editor.PostJson("/v1/rulesets/corporate-tiering/versions/2/submit",
            new { comment = "try" })).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Contains(validation.GetProperty("problems").EnumerateArray(),
            p => p.GetProperty("path").GetString() == "tiers.rules[0].when");
        Assert.Contains(submit.GetProperty("errors").EnumerateArray(),
            p => p.GetProperty("path").GetString() == "tiers.rules[0].when");
    }

    [Fact]
    public async Task Nobody_who_wrote_a_version_approves_it_even_an_admin()
    {
        var admin = _app.Client("admin");
        await (await admin.PostJson("/v1/rulesets/prospect-grading/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        await (await admin.PostJson("/v1/rulesets/prospect-grading/versions/2/submit", new { comment = "same rules" }))
            .Json(HttpStatusCode.OK);

        var problem = await (await admin.PostJson("/v1/rulesets/prospect-grading/versions/2/approve",
            new { comment = "me" })).Problem(HttpStatusCode.Forbidden);

        Assert.Contains("Four eyes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_version_can_be_neither_approved_nor_activated()
    {
        var editor = _app.Client("editor");
        var approver = _app.Client("approver");
        await (await editor.PostJson("/v1/rulesets/corporate-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        await (await editor.PostJson("/v1/rulesets/corporate-tiering/versions/2/submit", new { comment = "same" }))
            .Json(HttpStatusCode.OK);

        var rejected = await (await approver.PostJson("/v1/rulesets/corporate-tiering/versions/2/reject",
            new { comment = "No change in it" })).Json(HttpStatusCode.OK);

        Assert.Equal("rejected", rejected.GetProperty("status").GetString());
        Assert.Equal("approver", rejected.GetProperty("reviewedBy").GetString());
        await (await approver.PostJson("/v1/rulesets/corporate-tiering/versions/2/approve",
            new { comment = "changed my mind" })).Problem(HttpStatusCode.Conflict);
        await (await approver.PostJson("/v1/rulesets/corporate-tiering/versions/2/activate", new { comment = "go" }))
            .Problem(HttpStatusCode.Conflict);
        await (await approver.PostJson("/v1/rulesets/corporate-tiering/versions/1/activate",
            new { comment = "back-dated", effectiveAt = _app.Clock.GetUtcNow().AddDays(-1) }))
            .Problem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_exported_version_imports_as_a_new_draft_with_the_same_rules()
    {
        var editor = _app.Client("editor");
        var exported = await (await editor.GetAsync("/v1/rulesets/retail-tiering/versions/1/export"))
            .Content.ReadAsStringAsync();

        var created = await (await editor.PostAsync("/v1/rulesets/import",
            new StringContent(exported, System.Text.Encoding.UTF8, "application/json"))).Json(HttpStatusCode.Created);
        var diff = await (await editor.GetAsync("/v1/rulesets/retail-tiering/diff?from=1&to=2"))
            .Json(HttpStatusCode.OK);

        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.DoesNotContain(diff.EnumerateArray(),
            c => c.GetProperty("section").GetString() is "tiers" or "privileges" or "nextActions" or "parameters");
    }

    [Fact]
    public async Task Impact_shows_which_recent_customers_would_change_tier_privileges_and_action()
    {
        foreach (var balance in new[] { 350000, 450000, 600000, 20000 })
        {
            await Tier(new { customerId = $"R-{balance}", avgDailyBalance = balance,
                lastTierReviewDate = "2026-03-01" });
        }

        var editor = _app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var content = await Content(editor, 2);
        content["parameters"]!["vipAvgDailyBalance"]!["value"] = 300000;
        await (await editor.PutAsJsonAsync("/v1/rulesets/retail-tiering/versions/2", content)).Json(HttpStatusCode.OK);

        var impact = await (await _app.Client("admin")
            .PostJson("/v1/rulesets/retail-tiering/versions/2/impact", new { last = 100 })).Json(HttpStatusCode.OK);

        Assert.Equal(4, impact.GetProperty("decisions").GetInt32());
        Assert.Equal(2, impact.GetProperty("changed").GetInt32());
        var migration = impact.GetProperty("tierMigrations")
            .EnumerateArray()
            .Single(c => c.GetProperty("from").GetString() == "TARGET");
        Assert.Equal("VIP", migration.GetProperty("to").GetString());
        Assert.Equal(2, migration.GetProperty("count").GetInt32());
        Assert.Equal(2, migration.GetProperty("samples").GetArrayLength());
        Assert.Contains(impact.GetProperty("privilegesGained").EnumerateArray(),
            c => c.GetProperty("from").GetString() == "HOME_SERVICE" && c.GetProperty("count").GetInt32() == 2);
        Assert.Contains(impact.GetProperty("actionChanges").EnumerateArray(),
            c =>
                c.GetProperty("from")
                    .GetString() == "SALON_NEW_PRODUCT" && c.GetProperty("to")
                    .GetString() == "SALON_HIGH_END_PRIVATE");
    }

    private async Task<string?> Tier(object customer) =>
        (await (await _app.Client("teller").PostJson("/v1/decisions", new { ruleSet = "retail-tiering", customer }))
            .Json(HttpStatusCode.OK))
            .GetProperty("tier").GetProperty("code").GetString();

    private async Task<int> Version(string ruleSet, object customer) =>
        (await (await _app.Client("teller").PostJson("/v1/decisions", new { ruleSet, customer }))
            .Json(HttpStatusCode.OK))
            .GetProperty("ruleSet").GetProperty("version").GetInt32();

    internal static async Task<JsonObject> Content(HttpClient client, int version, string ruleSet = "retail-tiering")
    {
        var detail = await (await client.GetAsync($"/v1/rulesets/{ruleSet}/versions/{version}"))
            .Json(HttpStatusCode.OK);
        return JsonNode.Parse(detail.GetProperty("content").GetRawText())!.AsObject();
    }

    private static async Task PublishCopy(HttpClient author, HttpClient approver, string ruleSet, int from,
        Action<JsonObject> change)
    {
        var draft = await (await author.PostJson($"/v1/rulesets/{ruleSet}/drafts", new { from }))
            .Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        var content = await Content(author, version, ruleSet);
        change(content);
        await (await author.PutAsJsonAsync($"/v1/rulesets/{ruleSet}/versions/{version}", content))
            .Json(HttpStatusCode.OK);
        await (await author.PostJson($"/v1/rulesets/{ruleSet}/versions/{version}/submit", new { comment = "change" }))
            .Json(HttpStatusCode.OK);
        await (await approver.PostJson($"/v1/rulesets/{ruleSet}/versions/{version}/approve", new { comment = "ok" }))
            .Json(HttpStatusCode.OK);
    }
}
