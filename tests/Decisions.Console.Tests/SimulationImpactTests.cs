using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The impact of a draft, read by someone who may open decisions: each sample a customer and a time, each privilege
/// lost one row counting its customers once (an editor, who sees no small count, none listed twice), and an unchanged
/// copy of the active version changes nobody.
/// </summary>
public sealed class SimulationImpactTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] VipOnly = ["DEDICATED_RM", "HIGH_CREDIT_LIMIT", "HOME_SERVICE", "VIP_ROOM"];

    [Fact]
    public async Task Raising_the_vip_line_shows_each_privilege_lost_once_with_readable_samples_and_a_copy_changes_nobody()
    {
        foreach (var (customerId, balance) in new[] { ("R-RICH", 600_000), ("R-RICH", 610_000), ("R-RICHER", 700_000) })
        {
            await (await browser.App.Client("teller").PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = new { customerId, avgDailyBalance = balance } }))
                .Json(HttpStatusCode.OK);
        }

        var raised = await browser.App.DraftRetailTiering(800_000);
        var tryout = new TryoutPanel(await browser.SignIn("admin"));
        await tryout.Page.GotoAsync($"/console/index.html#/rulesets/retail-tiering/versions/{raised}");
        await tryout.ShowImpact();

        await Assertions.Expect(tryout.Rows("lost")).ToHaveCountAsync(VipOnly.Length);
        for (var i = 0; i < VipOnly.Length; i++)
        {
            var row = tryout.Rows("lost").Nth(i);
            await Assertions.Expect(row.Locator("td").First).ToHaveTextAsync(VipOnly[i]);
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync("2");
            var samples = row.GetByTestId("impact-sample");
            await Assertions.Expect(samples).ToHaveCountAsync(2);
            await Assertions.Expect(samples.First).ToContainTextAsync("R-RICHER · ");
            await Assertions.Expect(samples.Last).ToContainTextAsync("R-RICH · ");
        }

        await Assertions.Expect(tryout.Page.Locator("#gained")).ToHaveTextAsync("Privileges gained: none.");
        await Assertions.Expect(tryout.Page.GetByTestId("impact-baseline")).ToContainTextAsync("active version v1");
        await browser.Visit(tryout.Page, "51-impact-readable-samples");
        await tryout.Page.Locator("#results")
            .ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "51b-impact-results.png") });
        await Accessibility.AssertNone(tryout.Page, "an impact with privileges lost");

        // An editor, who sees no count under ten, gets no privilege listed as both gained and lost, and no samples.
        var editor = new TryoutPanel(await browser.SignIn("editor"));
        await editor.Page.GotoAsync($"/console/index.html#/rulesets/retail-tiering/versions/{raised}");
        await editor.ShowImpact();
        await Assertions.Expect(editor.Page.Locator("#lost"))
            .ToHaveTextAsync("Privileges lost: none with 10 customers or more.");
        await Assertions.Expect(editor.Page.Locator("#gained"))
            .ToHaveTextAsync("Privileges gained: none with 10 customers or more.");
        await Assertions.Expect(editor.Page.GetByTestId("impact-sample")).ToHaveCountAsync(0);
        await Accessibility.AssertNone(editor.Page, "an editor's impact with every privilege count under ten");

        await tryout.Rows("lost").First.GetByTestId("impact-sample").First.ClickAsync();
        await Assertions.Expect(tryout.Page.GetByTestId("decision-header")).ToContainTextAsync("retail-tiering v1");
        await Assertions.Expect(tryout.Page.Locator("#input")).ToContainTextAsync("R-RICHER");
        await Assertions.Expect(tryout.Page.GetByTestId("back-to-search")).ToHaveCountAsync(0);

        var copy = await browser.App.DraftRetailTiering();
        await tryout.Page.GotoAsync($"/console/index.html#/rulesets/retail-tiering/versions/{copy}");
        await tryout.ShowImpact();
        await Assertions.Expect(tryout.Page.Locator("#impact-summary")).ToContainTextAsync("0 of 2 customers");
        await Assertions.Expect(tryout.Page.Locator("#lost")).ToHaveTextAsync("Privileges lost: none.");
        await Assertions.Expect(tryout.Rows("tier-matrix")).ToHaveCountAsync(1);
        await Accessibility.AssertNone(tryout.Page, "the impact of an unchanged copy");
    }
}
