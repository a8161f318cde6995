using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// An editor who uses only the keyboard signs in, opens a rule set, creates a draft and saves a parameter: Tab and
/// Enter reach every step, each control in the way shows a focus ring, and each new page puts focus on its heading.
/// </summary>
public sealed class KeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_on_the_keyboard_signs_in_opens_a_rule_set_creates_a_draft_and_saves_a_parameter()
    {
        var page = await browser.Page();
        await page.GotoAsync("/console");
        await TabTo(page, "#api-key");
        await page.Keyboard.TypeAsync(DecisionsAppFixture.Keys["editor"]);
        await page.Keyboard.PressAsync("Enter");
        await HeadingHasFocus(page, "Rule sets");

        await TabTo(page, "#rule-sets a[href='#/rulesets/retail-tiering']");
        await page.Keyboard.PressAsync("Enter");
        await HeadingHasFocus(page, "retail-tiering");

        await TabTo(page, "#new-draft");
        await page.Keyboard.PressAsync("Enter");
        await HeadingHasFocus(page, "retail-tiering v2");

        await TabTo(page, "#param-vipAvgDailyBalance");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("500000");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#results h2")).ToHaveTextAsync("Valid: every test passes");
        await browser.Visit(page, "50-keyboard-draft-saved");
    }

    // The new page's heading has focus, so the next Tab starts in its content, and the tab title names the page.
    private static async Task HeadingHasFocus(IPage page, string heading)
    {
        await Assertions.Expect(page.Locator("#view h1")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#view h1")).ToContainTextAsync(heading);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex($"^{Regex.Escape(heading)}.* · Decisions console$"));
    }

    // Presses Tab until the element matching the selector has focus; every element passed on the way shows a ring.
    private static async Task TabTo(IPage page, string selector)
    {
        for (var presses = 0; presses < 300; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]>("""
                () => { const e = document.activeElement, s = getComputedStyle(e);
                  return [e.outerHTML.slice(0, 120), s.outlineStyle, s.outlineWidth]; }
                """);
            var width = double.Parse(focused[2].TrimEnd('p', 'x'), CultureInfo.InvariantCulture);
            Assert.True(focused[1] != "none" && width >= 2,
                $"No visible focus on {focused[0]} ({focused[1]} {focused[2]}).");
            if (await page.EvaluateAsync<bool>("s => document.activeElement.matches(s)", selector))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }
}
