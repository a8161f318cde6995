using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The console's pages × every role: each page shows a role exactly the controls its key may use, and a page
/// the role may not see says so in words instead of showing data. The API refuses the same calls (the API's
/// role matrix), so hiding a control is a courtesy, not the protection.
/// </summary>
public sealed class ConsoleRoleMatrixTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string History = "#/rulesets/retail-tiering";
    private const string Version = "#/rulesets/retail-tiering/versions/1";
    private const string Diff = "#/rulesets/retail-tiering/diff/1/1";
    private const string Audit = "#/audit";
    private const string Decision = "#/decisions/{id}";

    private static readonly string[] Readers = ["editor", "approver", "auditor", "admin"];

    // Page, an element on it, and the roles that see that element. Every other role does not see it, and a
    // role that sees nothing on a page gets a refusal there.
    private static readonly (string Page, string Selector, string[] Roles)[] Matrix =
    [
        ("#/", "#overview-note", ["teller"]),
        ("#/", "#rule-sets", Readers),
        ("#/", "#nav-audit", ["auditor", "admin"]),
        ("#/", "#nav-inbox", ["approver", "admin"]),
        ("#/inbox", "[data-testid=inbox-empty]", ["approver", "admin"]),
        (History, "#versions", Readers),
        (History, "#new-draft", ["editor", "admin"]),
        (History, "#rollback-to", ["approver", "admin"]),
        (Version, "#four-eyes", Readers),
        (Version, "#simulate", ["editor", "admin"]),
        (Version, "#impact", ["editor", "admin"]),
        (Version, "#activate", ["approver", "admin"]),
        (Version, "[data-testid=review-package]", Readers),
        (Version, "[data-testid=package-tests]", ["editor", "approver", "admin"]),
        (Version, "[data-testid=package-impact]", ["editor", "approver", "admin"]),
        (Diff, "text=No rule differs.", Readers),
        (Audit, "#verification", ["auditor", "admin"]),
        (Decision, "#replay", ["auditor", "admin"]),
    ];

    public static TheoryData<string> Roles => ["teller", "editor", "approver", "auditor", "admin"];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Each_page_shows_a_role_only_what_it_may_use(string role)
    {
        var decision = await (await browser.App.Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = new { customerId = "R-MATRIX", avgDailyBalance = 1000 } }))
                .Json(HttpStatusCode.OK);
        var page = await browser.SignIn(role);

        foreach (var group in Matrix.GroupBy(row => row.Page))
        {
            await page.GotoAsync("/console/index.html" + group.Key.Replace("{id}",
                decision.GetProperty("decisionId").GetString(), StringComparison.Ordinal));
            var seen = group.Where(row => row.Roles.Contains(role)).ToList();
            if (seen.Count == 0)
            {
                await Assertions.Expect(page.Locator("#view h1")).ToHaveTextAsync("Not available to your role");
                await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            }

            foreach (var row in seen)
            {
                await Assertions.Expect(page.Locator(row.Selector).First).ToBeVisibleAsync();
            }

            foreach (var row in group.Except(seen))
            {
                await Assertions.Expect(page.Locator(row.Selector)).ToBeHiddenAsync();
            }

            var state = group.Key.TrimStart('#', '/').Replace('/', '-')
                .Replace("{id}", "decision", StringComparison.Ordinal);
            var refused = seen.Count == 0 ? "refused-" : "";
            await browser.Visit(page, $"20-{role}-{refused}{(state.Length == 0 ? "overview" : state)}");
        }
    }
}
