using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// An editor who uses only the keyboard signs in, opens a rule set, creates a draft and saves a parameter: Tab and
/// Enter reach every step, each control in the way shows a focus ring, and each new page puts focus on its heading.
/// A control that re-renders its part of the editor leaves focus on the same control, not at the top of the page.
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

    [Fact]
    public async Task A_rule_moved_with_the_keyboard_keeps_the_focus_where_the_editor_is_working()
    {
        var (editor, _) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = editor.Page;
        await page.GetByTestId("view-nextActions").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("view-nextActions")).ToHaveTextAsync("Show as a table");
        await Assertions.Expect(page.GetByTestId("view-nextActions")).ToBeFocusedAsync();

        var dormant = editor.Rule("nextActions", "DORMANT_ACTIVATION");
        await dormant.GetByRole(AriaRole.Button, new() { Name = "Move up" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid='edit-nextActions'] .rule-form").Nth(1))
            .ToHaveAttributeAsync("data-testid", "edit-nextActions-DORMANT_ACTIVATION");
        await Assertions.Expect(dormant.GetByRole(AriaRole.Button, new() { Name = "Move up" })).ToBeFocusedAsync();

        // At the top its Move up is disabled: focus goes to the rule's first field, still in the rule.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid='edit-nextActions'] .rule-form").First)
            .ToHaveAttributeAsync("data-testid", "edit-nextActions-DORMANT_ACTIVATION");
        await Assertions.Expect(dormant.GetByTestId("rule-code")).ToBeFocusedAsync();
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
