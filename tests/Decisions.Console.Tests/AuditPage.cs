using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The audit page (search decisions, the change trail) and a decision's page, as an auditor uses them.
/// </summary>
public sealed class AuditPage(IPage page)
{
    public IPage Page => page;

    public ILocator Found => page.Locator("#found tbody tr");

    public ILocator Trail => page.Locator("#trail tbody tr");

    public ILocator CustomerId => page.Locator("#customer-id");

    public ILocator Match => page.GetByTestId("match");

    public async Task Open()
    {
        await page.GotoAsync("/console/index.html#/audit");
        await Assertions.Expect(page.Locator("#verification")).ToBeVisibleAsync();
    }

    /// <summary>Searches for customers whose id is, or starts with, <paramref name="customerId"/>.</summary>
    public async Task Search(string customerId, bool prefix = false)
    {
        await CustomerId.FillAsync(customerId);
        await Match.SelectOptionAsync(prefix ? "prefix" : "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    public async Task FilterTrail(string ruleSet) =>
        await page.GetByTestId("trail-rule-set").SelectOptionAsync(ruleSet);
}
