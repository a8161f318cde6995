using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>A draft's page as the rule editor shows it: decision tables, rule forms, the tests table, save.</summary>
public sealed class RuleEditorPage(IPage page)
{
    public IPage Page => page;

    /// <summary>
    /// The cell of <paramref name="rule"/>'s row under <paramref name="field"/> in the table of a section.
    /// </summary>
    public ILocator Cell(string rule, string field) => page.GetByTestId($"cell-{rule}-{field}");

    public ILocator Status => page.GetByTestId("editor-status");

    /// <summary>A rule's form (after switching its section to rule by rule).</summary>
    public ILocator Rule(string section, string code) => page.GetByTestId($"edit-{section}-{code}");

    /// <summary>The row of the embedded test at <paramref name="index"/> in the tests table.</summary>
    public ILocator Test(int index) => page.GetByTestId("test-table").GetByTestId($"test-{index}");

    /// <summary>A new draft of <paramref name="ruleSet"/> from version 1, opened by a signed-in editor.</summary>
    public static async Task<(RuleEditorPage Editor, int Version)> NewDraft(BrowserFixture browser, string ruleSet)
    {
        var draft = await (await browser.App.Client("editor")
            .PostJson($"/v1/rulesets/{ruleSet}/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        var editor = new RuleEditorPage(await browser.SignIn("editor"));
        await editor.Open(ruleSet, version);
        return (editor, version);
    }

    public async Task Open(string ruleSet, int version)
    {
        await page.GotoAsync($"/console/index.html#/rulesets/{ruleSet}/versions/{version}");
        await Assertions.Expect(page.GetByTestId("table-tiers")).ToBeVisibleAsync();
    }

    public async Task SetCell(string rule, string field, string value) => await Cell(rule, field).FillAsync(value);

    public async Task ShowRuleByRule(string section) => await page.GetByTestId($"view-{section}").ClickAsync();

    /// <summary>Adds a clause to a rule's condition with the builder: field, operator (as shown), value.</summary>
    public async Task AddClause(string section, string code, string field, string op, string value)
    {
        var rule = Rule(section, code);
        await rule.GetByTestId("add-clause").ClickAsync();
        var clause = rule.Locator("li.clause").Last;
        await clause.GetByTestId("clause-field").SelectOptionAsync(field);
        await clause.GetByTestId("clause-op").SelectOptionAsync(new SelectOptionValue { Label = op });
        await clause.GetByTestId("clause-value").FillAsync(value);
    }

    public async Task Save(string expected)
    {
        await page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(Status).ToHaveTextAsync(expected);
    }
}
