using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A person signs in with a key; the console says who they are and shows only what their role may see.
/// </summary>
public sealed class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_editor_signs_in_and_sees_every_rule_set_with_its_active_version()
    {
        var page = await browser.Page();
        await page.GotoAsync("/console");
        await browser.Visit(page, "01-sign-in");

        await page.GetByLabel("API key").FillAsync(DecisionsAppFixture.Keys["editor"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#who")).ToHaveTextAsync("Signed in as editor (editor)");
        var rows = page.Locator("#rule-sets tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("tr[data-rule-set='retail-tiering'] td[data-label='Active']"))
            .ToHaveTextAsync("v1");
        await browser.Visit(page, "02-overview");
    }

    [Fact]
    public async Task A_wrong_key_is_explained_in_plain_words()
    {
        var page = await browser.Page();
        await page.GotoAsync("/console");

        await page.GetByLabel("API key").FillAsync("not-a-real-key-at-all");
        await page.GetByLabel("API key").PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Alert))
            .ToHaveTextAsync("That key was not recognised. Check it and try again.");
    }

    [Fact]
    public async Task A_teller_is_told_the_console_has_nothing_for_the_role_and_the_layout_fits_a_phone()
    {
        var page = await browser.Page(width: 390);
        await page.GotoAsync("/console");

        await page.GetByLabel("API key").FillAsync(DecisionsAppFixture.Keys["teller"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.Locator("#overview-note")).ToContainTextAsync("Tellers use the HTTP API");
        await Assertions.Expect(page.Locator("#rule-sets")).ToBeHiddenAsync();
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"The page is {scrollWidth} px wide at 390 px.");
        await browser.Visit(page, "03-teller-390px");
    }
}
