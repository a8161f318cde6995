using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// axe-core (npm, pinned in this project's <c>package.json</c>, installed by <c>npm ci</c> in <c>./test.sh</c>)
/// injected into a page by Playwright: the violations of the WCAG 2.0, 2.1 and 2.2 A and AA rules and of axe's best
/// practices on the page as it is now.
/// </summary>
public static class Accessibility
{
    private static readonly string Script = Path.Combine(
        DecisionsAppFixture.RepositoryRoot(), "tests", "Decisions.Console.Tests", "node_modules",
        "axe-core", "axe.min.js");

    // A table or block that scrolls sideways inside its box hides its last columns as a wide page does; a text area
    // scrolls by design (the JSON editor keeps its lines whole).
    private const string SidewaysScroll = """
        () => [...document.querySelectorAll("body *")]
          .filter(e => e.offsetParent !== null && !["TEXTAREA", "SELECT", "INPUT"].includes(e.tagName)
            && getComputedStyle(e).overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1)
          .map(e => `${e.tagName.toLowerCase()}.${e.className} ${e.querySelector("[data-testid]")?.dataset.testid ?? ""}`
            + `: ${e.scrollWidth} px in ${e.clientWidth}`)
        """;

    /// <summary>Every violation as "rule (impact): selector (what fails)", empty when axe finds none.</summary>
    public static async Task<IReadOnlyList<string>> Violations(IPage page)
    {
        Assert.True(File.Exists(Script),
            $"axe-core is missing at {Script}: run npm ci --prefix tests/Decisions.Console.Tests.");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        }

        return await page.EvaluateAsync<string[]>("""
            async () => (await axe.run(document,
                { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] }))
              .violations.map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3)
                .map(n => `${n.target.join(" ")} (${n.failureSummary.replaceAll("\n", " ")})`).join(", ")}`)
            """);
    }

    /// <summary>
    /// No axe violation, no page wider than the viewport and nothing scrolling sideways inside it, at 1,280 and at
    /// 390 pixels; the page gets its own size back after.
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
            var sideways = await page.EvaluateAsync<string[]>(SidewaysScroll);
            Assert.True(sideways.Length == 0,
                $"On {state} at {width} px, content scrolls sideways: {string.Join("; ", sideways)}");
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
