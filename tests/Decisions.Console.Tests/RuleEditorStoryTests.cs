using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A product manager changes retail-tiering without writing JSON: raises the VIP threshold in the tiers table,
/// sees the boundary test fail, accepts the new result, adds a clause with the condition builder, and saves; the
/// saved draft differs from the active version only where they edited, validates, and decides as intended.
/// </summary>
public sealed class RuleEditorStoryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Balance = "customer.avgDailyBalance";

    [Fact]
    public async Task A_product_manager_raises_the_vip_threshold_in_the_table_accepts_the_boundary_test_and_edits_a_condition()
    {
        var api = browser.App.Client("editor");
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        await Assertions.Expect(editor.Cell("VIP", Balance)).ToHaveValueAsync("500000");
        await Assertions.Expect(editor.Cell("TARGET", Balance)).ToHaveValueAsync("50000");
        await Accessibility.AssertNone(editor.Page, "the tiers table");

        await editor.SetCell("VIP", Balance, "550,000");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status)
            .ToHaveTextAsync("VIP: avgDailyBalance ≥: A number, without grouping commas: 800000");
        await Assertions.Expect(editor.Cell("VIP", Balance)).ToBeFocusedAsync();
        await editor.SetCell("VIP", Balance, "550000");
        await editor.Save("Saved. 1 tests fail, 1 problems.");
        var boundary = editor.Test(0);
        await Assertions.Expect(boundary).ToHaveClassAsync("failing");
        await Assertions.Expect(boundary.GetByTestId("test-result"))
            .ToContainTextAsync("expected tier 'VIP', got 'TARGET'");
        await browser.Visit(editor.Page, "40-table-editor-boundary-fails");
        await editor.Page.SetViewportSizeAsync(1280, 2000);
        await editor.Page.GetByTestId("edit-tiers")
            .ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "40b-tiers-table.png") });
        await editor.Page.SetViewportSizeAsync(1280, 900);
        await Accessibility.AssertNone(editor.Page, "a failing test");

        await boundary.GetByTestId("accept").ClickAsync();
        var accepted = boundary.GetByTestId("accepted");
        await Assertions.Expect(accepted).ToContainTextAsync("tier: \"VIP\" → \"TARGET\"");
        await Assertions.Expect(accepted).ToContainTextAsync("−HOME_SERVICE");
        await Assertions.Expect(boundary.GetByTestId("expect-tier")).ToHaveValueAsync("TARGET");
        await editor.Save("Saved. Valid: every test passes.");

        await editor.ShowRuleByRule("tiers");
        await editor.AddClause("tiers", "TARGET", "customer.annualIncome", "≥", "5000000");
        await Accessibility.AssertNone(editor.Page, "the condition builder");
        await editor.Save("Saved. Valid: every test passes.");
        await browser.Visit(editor.Page, "41-rule-forms");
        await editor.Rule("tiers", "TARGET")
            .ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "41b-condition-builder.png") });

        var v1 = Content(await (await api.GetAsync("/v1/rulesets/retail-tiering/versions/1")).Json(HttpStatusCode.OK));
        var saved = Content(await (await api.GetAsync($"/v1/rulesets/retail-tiering/versions/{version}"))
            .Json(HttpStatusCode.OK));
        var target = v1["tiers"]!["rules"]![1]!;
        target["when"] = target["when"]!.GetValue<string>() + " || customer.annualIncome >= 5000000";
        v1["parameters"]!["vipAvgDailyBalance"]!["value"] = 550000;
        v1["tests"]![0]!["expect"] = saved["tests"]![0]!["expect"]!.DeepClone();
        Assert.Equal("TARGET", saved["tests"]![0]!["expect"]!["tier"]!.GetValue<string>());
        foreach (var section in new[] { "parameters", "input", "tiers", "privileges", "nextActions", "tests" })
        {
            Assert.True(JsonNode.DeepEquals(v1[section], saved[section]), $"'{section}' changed beyond the edits.");
        }

        var report = await (await api.PostJson($"/v1/rulesets/retail-tiering/versions/{version}/validate", new { }))
            .Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("valid").GetBoolean(), report.GetRawText());
        Assert.Equal("TARGET", await Tier(version, 549999.99m));
        Assert.Equal("VIP", await Tier(version, 550000m));
    }

    private async Task<string?> Tier(int version, decimal balance)
    {
        var body = new
        {
            customer = new { customerId = "R-EDITOR", avgDailyBalance = balance },
            asOf = "2026-06-15T10:00:00+08:00",
        };
        var path = $"/v1/rulesets/retail-tiering/versions/{version}/simulate";
        var answer = await (await browser.App.Client("editor").PostJson(path, body)).Json(HttpStatusCode.OK);
        return answer.GetProperty("decision").GetProperty("tier").GetProperty("code").GetString();
    }

    /// <summary>The rule-set document of a version's answer.</summary>
    internal static JsonNode Content(System.Text.Json.JsonElement detail) =>
        JsonNode.Parse(detail.GetProperty("content").GetRawText())!;
}
