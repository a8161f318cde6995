using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// axe-core (npm, pinned in this project's <c>package.json</c>, installed by <c>npm ci</c> in <c>./test.sh</c>)
/// injected into a page by Playwright: the violations of the WCAG 2.x A and AA rules on the page as it is now.
/// </summary>
public static class Accessibility
{
    private static readonly string Script = Path.Combine(
        DecisionsAppFixture.RepositoryRoot(), "tests", "Decisions.Console.Tests", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Every violation as "rule (impact): selectors", empty when axe finds none.</summary>
    public static async Task<IReadOnlyList<string>> Violations(IPage page)
    {
        Assert.True(File.Exists(Script), $"axe-core is missing at {Script}: run npm ci --prefix tests/Decisions.Console.Tests.");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        }

        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }))
              .violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)
            """);
    }

    /// <summary>
    /// No axe violation, and no page wider than the viewport, at 1,280 and at 390 pixels; the page gets its own
    /// size back after.
    /// </summary>
    public static async Task AssertNone(IPage page, string state)
    {
        var size = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 900 };
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var violations = await Violations(page);
            Assert.True(violations.Count == 0, $"axe on {state} at {width} px: {string.Join("; ", violations)}");
            var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(scrollWidth <= width, $"{state} is {scrollWidth} px wide at {width} px.");
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
