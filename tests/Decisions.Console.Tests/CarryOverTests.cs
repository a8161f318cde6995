using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// One page, several saves: a product manager's unsaved edits in the rule editor survive a save of the parameters
/// or of the JSON (carried onto the saved draft, three-way) and a parameter typed survives the editor's save; each
/// try-out tool reports beside its own button.
/// </summary>
public sealed class CarryOverTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_label_edited_in_the_editor_survives_a_parameter_save_and_then_saves()
    {
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);
        await page.SetLabel("tiers", "VIP", "Private banking");

        await page.SaveParameter("vipAvgDailyBalance", "600000");
        await Assertions.Expect(page.ParametersStatus).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.EditorStatus).ToContainTextAsync("Unsaved changes, kept over the other save");
        await Assertions.Expect(await page.Label("tiers", "VIP")).ToHaveValueAsync("Private banking");
        await Accessibility.AssertNone(editor.Page, "editor edits kept over a parameter save");
        var between = await DraftPage.Saved(browser, "retail-tiering", version);
        Assert.Equal(600000, between["parameters"]!["vipAvgDailyBalance"]!["value"]!.GetValue<decimal>());
        Assert.NotEqual("Private banking", between["tiers"]!["rules"]![0]!["label"]!["en"]!.GetValue<string>());

        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.EditorStatus).ToContainTextAsync("Saved.");
        var saved = await DraftPage.Saved(browser, "retail-tiering", version);
        Assert.Equal(600000, saved["parameters"]!["vipAvgDailyBalance"]!["value"]!.GetValue<decimal>());
        Assert.Equal("Private banking", saved["tiers"]!["rules"]![0]!["label"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_json_save_of_the_same_label_keeps_the_editors_value_and_names_the_path()
    {
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);
        await page.SetLabel("tiers", "VIP", "Private banking");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await editor.Page.Locator("#content").InputValueAsync())!;
        json["tiers"]!["rules"]![0]!["label"]!["en"] = "Wealth";
        json["description"] = "Saved as JSON";

        await page.SaveJson(json.ToJsonString());
        await Assertions.Expect(page.JsonStatus).ToContainTextAsync("Saved.");
        await Assertions.Expect(page.EditorStatus).ToContainTextAsync("tiers.rules[0].label.en");
        await Assertions.Expect(await page.Label("tiers", "VIP")).ToHaveValueAsync("Private banking");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.EditorStatus).ToContainTextAsync("Saved.");

        var saved = await DraftPage.Saved(browser, "retail-tiering", version);
        Assert.Equal("Saved as JSON", saved["description"]!.GetValue<string>());
        Assert.Equal("Private banking", saved["tiers"]!["rules"]![0]!["label"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_parameter_typed_but_not_saved_survives_a_save_of_the_rule_editor()
    {
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);
        var parameter = editor.Page.Locator("#param-vipAvgDailyBalance");
        await parameter.FillAsync("650000");
        await page.SetLabel("tiers", "VIP", "Private banking");

        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(page.EditorStatus).ToContainTextAsync("Saved.");
        await Assertions.Expect(parameter).ToHaveValueAsync("650000");
        await page.LeaveByHistoryLink();
        await Assertions.Expect(page.LeaveDialog).ToBeVisibleAsync();
        await page.LeaveDialog.GetByTestId("leave-stay").ClickAsync();
        await editor.Page.GetByRole(AriaRole.Button, new() { Name = "Save parameters" }).ClickAsync();
        await Assertions.Expect(page.ParametersStatus).ToContainTextAsync("Saved.");

        var saved = await DraftPage.Saved(browser, "retail-tiering", version);
        Assert.Equal(650000, saved["parameters"]!["vipAvgDailyBalance"]!["value"]!.GetValue<decimal>());
        Assert.Equal("Private banking", saved["tiers"]!["rules"]![0]!["label"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task Validate_simulate_and_impact_each_report_beside_their_own_button()
    {
        var (editor, _) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);
        var tryout = new TryoutPanel(editor.Page);

        await editor.Page.Locator("#validate").ClickAsync();
        await Assertions.Expect(page.ToolStatus("validate")).ToContainTextAsync("Checked.");
        await tryout.Simulate();
        await Assertions.Expect(page.ToolStatus("simulate")).ToHaveTextAsync("Simulating: done.");
        await tryout.ShowImpact();
        await Assertions.Expect(page.ToolStatus("impact")).ToHaveTextAsync("Re-deciding recent customers: done.");
        await Accessibility.AssertNone(editor.Page, "each tool's status beside its button");

        foreach (var tool in new[] { "validate", "simulate", "impact" })
        {
            Assert.True(await DraftPage.Distance(editor.Page.Locator($"#{tool}"), page.ToolStatus(tool)) < 24, tool);
        }
    }
}
