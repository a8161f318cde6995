using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A version page's try-out tools: simulate a sample customer at an as-of time, and the impact report.
/// </summary>
public sealed class TryoutPanel(IPage page)
{
    public IPage Page => page;

    public ILocator Sample => page.GetByTestId("sample");

    public ILocator Customer => page.Locator("#customer");

    public ILocator AsOf => page.Locator("#as-of");

    public ILocator Zone => page.GetByTestId("as-of-zone");

    public ILocator DecisionAsOf => page.GetByTestId("decision-as-of");

    /// <summary>
    /// A table of the impact report (<c>tier-matrix</c>, <c>gained</c>, <c>lost</c>, <c>actions</c>).
    /// </summary>
    public ILocator Rows(string table) => page.Locator($"#{table} tbody tr");

    /// <summary>What the sample list offers, read as a person opens it.</summary>
    public async Task OpenSamples() => await Sample.FocusAsync();

    public async Task Simulate()
    {
        await page.Locator("#simulate").ClickAsync();
        await Assertions.Expect(page.Locator("#decision-tier")).ToBeVisibleAsync();
    }

    public async Task ShowImpact()
    {
        await page.Locator("#impact").ClickAsync();
        await Assertions.Expect(page.Locator("#impact-summary")).ToBeVisibleAsync();
    }
}
