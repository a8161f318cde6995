using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The audit page reads the lists' page envelope: an auditor finds a customer's decisions, newest first, and the
/// change trail shows every entry the API holds. The search lives in the address, so Back from a decision returns to
/// its results; it finds customers by the start of their id, and the trail filters by rule set.
/// </summary>
public sealed class AuditSearchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_auditor_finds_a_customers_decisions_and_sees_the_whole_trail()
    {
        var teller = browser.App.Client("teller");
        var ids = new List<string>();
        foreach (var balance in new[] { 1_000, 900_000 })
        {
            var customer = new { customerId = "C-SEARCH", avgDailyBalance = balance };
            var answer = await (await teller.PostJson("/v1/decisions", new { ruleSet = "retail-tiering", customer }))
                .Json(HttpStatusCode.OK);
            ids.Add(answer.GetProperty("decisionId").GetString()!);
        }

        var trail = (await (await browser.App.Client("auditor").GetAsync("/v1/audit?limit=1000"))
            .Json(HttpStatusCode.OK))
            .GetProperty("items");
        var auditor = await browser.SignIn("auditor");
        await auditor.GotoAsync("/console/index.html#/audit");
        await auditor.Locator("#customer-id").FillAsync("C-SEARCH");
        await auditor.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        var rows = auditor.Locator("#found tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First).ToContainTextAsync(ids[1]);
        await Assertions.Expect(rows.Last).ToContainTextAsync(ids[0]);
        await Assertions.Expect(auditor.Locator("#trail tbody tr")).ToHaveCountAsync(trail.GetArrayLength());
        await browser.Visit(auditor, "16-audit-search");
    }

    [Fact]
    public async Task An_auditor_searches_by_prefix_reads_a_decisions_linked_reasons_and_back_returns_to_the_results()
    {
        var teller = browser.App.Client("teller");
        foreach (var customerId in new[] { "C-PFX-1", "C-PFX-2", "D-C-PFX-3" })
        {
            await (await teller.PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = new { customerId, avgDailyBalance = 320_000 } }))
                .Json(HttpStatusCode.OK);
        }

        var audit = new AuditPage(await browser.SignIn("auditor"));
        await audit.Open();
        await audit.Search("C-PFX", prefix: true);
        await Assertions.Expect(audit.Found).ToHaveCountAsync(2);
        await Assertions.Expect(audit.Found.First).ToContainTextAsync("C-PFX-2");
        Assert.Contains("customerId=C-PFX&match=prefix", audit.Page.Url, StringComparison.Ordinal);
        await Accessibility.AssertNone(audit.Page, "decisions found by a customer id prefix");

        await audit.Found.First.GetByRole(AriaRole.Link).ClickAsync();
        var logged = new ExplanationPanel(audit.Page, "logged-explanation");
        await Assertions.Expect(ExplanationPanel.Link(logged.Reason("tiers", "TARGET"), "TARGET"))
            .ToHaveAttributeAsync("href", "#/rulesets/retail-tiering/versions/1/rules/tiers/TARGET");
        await Assertions.Expect(ExplanationPanel.Parameter(logged.Reason("tiers", "TARGET"), "targetAvgDailyBalance"))
            .ToHaveAttributeAsync("href", "#/rulesets/retail-tiering/versions/1/parameters/targetAvgDailyBalance");
        await Assertions.Expect(audit.Page.GetByTestId("back-to-search"))
            .ToHaveAttributeAsync("href", new Regex("match=prefix"));
        await Accessibility.AssertNone(audit.Page, "a decision opened from the search");

        await audit.Page.GoBackAsync();
        await Assertions.Expect(audit.Found).ToHaveCountAsync(2);
        await Assertions.Expect(audit.CustomerId).ToHaveValueAsync("C-PFX");
        await Assertions.Expect(audit.Match).ToHaveValueAsync("prefix");

        var trail = (await (await browser.App.Client("auditor")
                .GetAsync("/v1/audit?ruleSet=prospect-grading&limit=1000"))
            .Json(HttpStatusCode.OK)).GetProperty("items").GetArrayLength();
        await audit.FilterTrail("prospect-grading");
        await Assertions.Expect(audit.Page).ToHaveURLAsync(new Regex("trail=prospect-grading"));
        await Assertions.Expect(audit.Trail).ToHaveCountAsync(trail);
        foreach (var row in await audit.Trail.AllAsync())
        {
            await Assertions.Expect(row.Locator("td").Nth(4)).ToContainTextAsync("prospect-grading");
        }

        await Assertions.Expect(audit.Found).ToHaveCountAsync(2);
        await browser.Visit(audit.Page, "52-audit-prefix-and-trail-filter");
        await Accessibility.AssertNone(audit.Page, "the trail of one rule set beside the search");
    }
}
