using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A draft's page as safe editing shows it: each section's status line beside its save control, the conflict
/// panel of a save someone else's came before, and the dialog that asks before leaving unsaved changes.
/// </summary>
public sealed class DraftPage(IPage page)
{
    public IPage Page => page;

    public ILocator JsonStatus => page.GetByTestId("json-status");

    public ILocator ParametersStatus => page.GetByTestId("parameters-status");

    public ILocator Conflict => page.GetByTestId("conflict");

    /// <summary>Who saved the draft meanwhile and when, as the conflict panel names them.</summary>
    public ILocator LastWriter => Conflict.GetByTestId("last-writer");

    public ILocator EditorStatus => page.GetByTestId("editor-status");

    /// <summary>A try-out tool's status line (<c>validate</c>, <c>simulate</c>, <c>impact</c>).</summary>
    public ILocator ToolStatus(string tool) => page.GetByTestId($"{tool}-status");

    /// <summary>A rule's English label as its form shows it (the section switched to rule by rule).</summary>
    public async Task<ILocator> Label(string section, string code)
    {
        await page.GetByTestId($"view-{section}").ClickAsync();
        return page.GetByTestId($"edit-{section}-{code}").GetByTestId("rule-label-en");
    }

    /// <summary>The conflict panel under "Save JSON", beside the JSON section's status line.</summary>
    public ILocator JsonConflict => page.Locator("#json-status + div").GetByTestId("conflict");

    public ILocator LeaveDialog => page.GetByTestId("leave-dialog");

    public async Task Open(string ruleSet, int version)
    {
        await page.GotoAsync($"/console/index.html#/rulesets/{ruleSet}/versions/{version}");
        await Assertions.Expect(page.GetByTestId("table-tiers")).ToBeVisibleAsync();
    }

    /// <summary>Replaces the whole JSON text and saves it with "Save JSON".</summary>
    public async Task SaveJson(string text)
    {
        await page.Locator("#content").FillAsync(text);
        await page.Locator("#save-json").ClickAsync();
    }

    public async Task SaveParameter(string name, string value)
    {
        await page.Locator($"#param-{name}").FillAsync(value);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save parameters" }).ClickAsync();
    }

    /// <summary>Changes the English label of a rule in its form (the section switched to rule by rule).</summary>
    public async Task SetLabel(string section, string code, string label)
    {
        await page.GetByTestId($"view-{section}").ClickAsync();
        await page.GetByTestId($"edit-{section}-{code}").GetByTestId("rule-label-en").FillAsync(label);
    }

    /// <summary>Follows the "History" link at the top of the page, as leaving it in the app would.</summary>
    public Task LeaveByHistoryLink() => page.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();

    /// <summary>The content of a version as the API has it now.</summary>
    public static async Task<JsonNode> Saved(BrowserFixture browser, string ruleSet, int version)
    {
        var detail = await (await browser.App.Client("editor").GetAsync($"/v1/rulesets/{ruleSet}/versions/{version}"))
            .Json(HttpStatusCode.OK);
        return JsonNode.Parse(detail.GetProperty("content").GetRawText())!;
    }

    /// <summary>How far apart vertically two elements are, in CSS pixels (0 when they overlap).</summary>
    public static async Task<double> Distance(ILocator a, ILocator b)
    {
        var first = (await a.BoundingBoxAsync())!;
        var second = (await b.BoundingBoxAsync())!;
        var gap = Math.Max(second.Y - (first.Y + first.Height), first.Y - (second.Y + second.Height));
        return Math.Max(gap, 0);
    }
}
