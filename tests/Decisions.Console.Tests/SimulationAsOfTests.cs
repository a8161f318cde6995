using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A product manager simulates a sample customer at the time they choose, with the time zone named, and the sample
/// list follows the tests as they are saved, not as the page first loaded them.
/// </summary>
public sealed class SimulationAsOfTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_product_manager_simulates_at_a_chosen_as_of_and_the_samples_follow_a_saved_test_edit()
    {
        var (editor, _) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var tryout = new TryoutPanel(editor.Page);
        await Assertions.Expect(tryout.Customer).ToHaveValueAsync(new Regex("\"avgDailyBalance\": 500000"));
        // The boundary test is decided at its own as-of, shown in the browser's zone.
        await Assertions.Expect(tryout.AsOf).ToHaveValueAsync(new Regex(@"^2026-06-1[45]T\d\d:00(:00)?$"));
        await Assertions.Expect(tryout.Zone).ToContainTextAsync("UTC");

        await tryout.AsOf.FillAsync("2027-01-02T03:04:05");
        await tryout.Simulate();
        await Assertions.Expect(tryout.DecisionAsOf).ToContainTextAsync("2027/1/2 03:04:05");
        await Assertions.Expect(tryout.DecisionAsOf).ToContainTextAsync("UTC");
        await Accessibility.AssertNone(editor.Page, "a simulation at a chosen as-of");

        await editor.Page.GetByTestId("test-table").Locator("summary").ClickAsync();
        await editor.Test(0).GetByTestId("customer-avgDailyBalance").FillAsync("123456");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status).ToContainTextAsync("Saved.");
        await tryout.OpenSamples();

        await Assertions.Expect(tryout.Customer).ToHaveValueAsync(new Regex("\"avgDailyBalance\": 123456"));
        await tryout.Simulate();
        await Assertions.Expect(editor.Page.Locator("#decision-tier")).ToContainTextAsync("TARGET");
        await browser.Visit(editor.Page, "50-simulate-as-of");
        await Accessibility.AssertNone(editor.Page, "a simulation of a sample edited in the tests table");
    }
}
