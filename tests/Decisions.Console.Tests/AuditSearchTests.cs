using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The audit page reads the lists' page envelope: an auditor finds a customer's decisions, newest first, and the
/// change trail shows every entry the API holds.
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

        var trail = (await (await browser.App.Client("auditor").GetAsync("/v1/audit?limit=1000")).Json(HttpStatusCode.OK))
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
}
