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
        var draft = await (await api.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 })).Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        var editor = new RuleEditorPage(await browser.SignIn("editor"));
        await editor.Open("retail-tiering", version);
        await Assertions.Expect(editor.Cell("VIP", Balance)).ToHaveValueAsync("500000");
        await Assertions.Expect(editor.Cell("TARGET", Balance)).ToHaveValueAsync("50000");
        await NoViolations(editor.Page, "the tiers table");

        await editor.SetCell("VIP", Balance, "550,000");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status).ToHaveTextAsync("VIP: avgDailyBalance ≥: A number, without grouping commas: 800000");
        await Assertions.Expect(editor.Cell("VIP", Balance)).ToBeFocusedAsync();
        await editor.SetCell("VIP", Balance, "550000");
        await editor.Save("Saved. 1 tests fail, 1 problems.");
        var boundary = editor.Test(0);
        await Assertions.Expect(boundary).ToHaveClassAsync("failing");
        await Assertions.Expect(boundary.GetByTestId("test-result")).ToContainTextAsync("expected tier 'VIP', got 'TARGET'");
        await browser.Screenshot(editor.Page, "40-table-editor-boundary-fails");
        await editor.Page.SetViewportSizeAsync(1280, 2000);
        await editor.Page.GetByTestId("edit-tiers").ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "40b-tiers-table.png") });
        await editor.Page.SetViewportSizeAsync(1280, 900);
        await NoViolations(editor.Page, "a failing test");

        await boundary.GetByTestId("accept").ClickAsync();
        var accepted = boundary.GetByTestId("accepted");
        await Assertions.Expect(accepted).ToContainTextAsync("tier: \"VIP\" → \"TARGET\"");
        await Assertions.Expect(accepted).ToContainTextAsync("−HOME_SERVICE");
        await Assertions.Expect(boundary.GetByTestId("expect-tier")).ToHaveValueAsync("TARGET");
        await editor.Save("Saved. Valid: every test passes.");

        await editor.ShowRuleByRule("tiers");
        await editor.AddClause("tiers", "TARGET", "customer.annualIncome", "≥", "5000000");
        await NoViolations(editor.Page, "the condition builder");
        await editor.Save("Saved. Valid: every test passes.");
        await browser.Screenshot(editor.Page, "41-rule-forms");
        await editor.Rule("tiers", "TARGET").ScreenshotAsync(new() { Path = Path.Combine(browser.Screenshots, "41b-condition-builder.png") });

        var v1 = Content(await (await api.GetAsync("/v1/rulesets/retail-tiering/versions/1")).Json(HttpStatusCode.OK));
        var saved = Content(await (await api.GetAsync($"/v1/rulesets/retail-tiering/versions/{version}")).Json(HttpStatusCode.OK));
        var target = v1["tiers"]!["rules"]![1]!;
        target["when"] = target["when"]!.GetValue<string>() + " || customer.annualIncome >= 5000000";
        v1["parameters"]!["vipAvgDailyBalance"]!["value"] = 550000;
        v1["tests"]![0]!["expect"] = saved["tests"]![0]!["expect"]!.DeepClone();
        Assert.Equal("TARGET", saved["tests"]![0]!["expect"]!["tier"]!.GetValue<string>());
        foreach (var section in new[] { "parameters", "input", "tiers", "privileges", "nextActions", "tests" })
        {
            Assert.True(JsonNode.DeepEquals(v1[section], saved[section]), $"'{section}' changed beyond the edits.");
        }

        var report = await (await api.PostJson($"/v1/rulesets/retail-tiering/versions/{version}/validate", new { })).Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("valid").GetBoolean(), report.GetRawText());
        Assert.Equal("TARGET", await Tier(version, 549999.99m));
        Assert.Equal("VIP", await Tier(version, 550000m));
    }

    [Fact]
    public async Task Rules_are_reordered_added_and_edited_rule_by_rule_and_saved_as_plain_properties()
    {
        var api = browser.App.Client("editor");
        var draft = await (await api.PostJson("/v1/rulesets/big-customer-revenue/drafts", new { from = 1 })).Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        var editor = new RuleEditorPage(await browser.SignIn("editor"));
        await editor.Open("big-customer-revenue", version);

        await editor.ShowRuleByRule("nextActions");
        var registration = editor.Rule("nextActions", "BIG_CUSTOMER_REGISTRATION");
        await registration.GetByTestId("rule-message").FillAsync("请登记为大客户。");
        await registration.GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        await editor.Page.GetByTestId("add-privileges").ClickAsync();
        var added = editor.Rule("privileges", "NEW_4");
        await added.GetByTestId("rule-code").FillAsync("GOLD_LOUNGE");
        await added.GetByTestId("rule-label-zh-CN").FillAsync("金卡贵宾室");
        await added.GetByTestId("rule-label-en").FillAsync("Gold lounge");
        await editor.AddClause("privileges", "NEW_4", "tier", "=", "\"GOLD\"");
        await NoViolations(editor.Page, "rule-by-rule forms");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status).ToContainTextAsync("Saved.");

        var saved = Content(await (await api.GetAsync($"/v1/rulesets/big-customer-revenue/versions/{version}")).Json(HttpStatusCode.OK));
        var actions = saved["nextActions"]!["rules"]!.AsArray();
        Assert.Equal(["BIG_CUSTOMER_REGISTRATION", "ANNUAL_AGREEMENT_RENEWAL"], actions.Select(a => a!["code"]!.GetValue<string>()));
        Assert.Equal("请登记为大客户。", actions[0]!["message"]!.GetValue<string>());
        var lounge = saved["privileges"]!["rules"]!.AsArray().Last()!;
        Assert.Equal("""{"code":"GOLD_LOUNGE","label":{"zh-CN":"金卡贵宾室","en":"Gold lounge"},"when":"tier == \"GOLD\""}""",
            lounge.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public async Task A_validation_problem_jumps_to_its_line_in_the_labelled_json_editor()
    {
        var api = browser.App.Client("editor");
        var v1 = await (await api.GetAsync("/v1/rulesets/prospect-grading/versions/1")).Json(HttpStatusCode.OK);
        var content = Content(v1);
        content["tiers"]!["rules"]![0]!["when"] = "scores.total >= ";
        var draft = await (await api.PostJson("/v1/rulesets/prospect-grading/drafts", new { content })).Json(HttpStatusCode.Created);
        var page = await browser.SignIn("editor");
        await page.GotoAsync($"/console/index.html#/rulesets/prospect-grading/versions/{draft.GetProperty("version").GetInt32()}");
        await Assertions.Expect(page.GetByTestId("points-income")).ToBeVisibleAsync();

        await page.Locator("#validate").ClickAsync();
        var problem = page.Locator("#results .problems li", new() { HasText = "tiers.rules[0].when" });
        await problem.GetByTestId("jump-to-line").ClickAsync();
        var line = await page.GetByLabel("Rule set (JSON, advanced)").EvaluateAsync<string>(
            "e => e.value.slice(0, e.selectionStart).split('\\n').length + ': ' + e.value.slice(e.selectionStart).split('\\n')[0]");
        Assert.Matches("""^\d+: +"when": "scores\.total >= ",?$""", line);
        await Assertions.Expect(problem.GetByTestId("jump-to-line")).ToHaveTextAsync($"line {line.Split(':')[0]}");
        await NoViolations(page, "the JSON editor with a problem");
    }

    [Theory]
    [InlineData("retail-tiering")]
    [InlineData("corporate-tiering")]
    [InlineData("prospect-grading")]
    [InlineData("big-customer-revenue")]
    public async Task Every_seed_condition_reads_back_from_the_builder_as_its_own_text(string ruleSet)
    {
        var page = await browser.SignIn("editor");
        var read = await page.EvaluateAsync<System.Text.Json.JsonElement>("""
            async (name) => {
              const { parseCondition, conditionText } = await import("./condition-text.js");
              const key = sessionStorage.getItem("decisions.apiKey");
              const detail = await (await fetch(`/v1/rulesets/${name}/versions/1`, { headers: { "X-Api-Key": key } })).json();
              const rules = ["tiers", "privileges", "nextActions"].flatMap((s) => detail.content[s]?.rules ?? []);
              const clauses = rules.flatMap((r) => parseCondition(r.when).clauses);
              return {
                changed: rules.filter((r) => conditionText(parseCondition(r.when)) !== r.when).map((r) => r.code),
                typed: clauses.filter((c) => c.kind !== "expression").length, clauses: clauses.length,
              };
            }
            """, ruleSet);
        Assert.Empty(read.GetProperty("changed").EnumerateArray());
        // Most clauses become builder rows, not verbatim expressions, or the round trip would prove nothing.
        Assert.True(read.GetProperty("typed").GetInt32() * 2 > read.GetProperty("clauses").GetInt32(), read.GetRawText());
    }

    private async Task<string?> Tier(int version, decimal balance)
    {
        var body = new { customer = new { customerId = "R-EDITOR", avgDailyBalance = balance }, asOf = "2026-06-15T10:00:00+08:00" };
        var answer = await (await browser.App.Client("editor").PostJson($"/v1/rulesets/retail-tiering/versions/{version}/simulate", body))
            .Json(HttpStatusCode.OK);
        return answer.GetProperty("decision").GetProperty("tier").GetProperty("code").GetString();
    }

    private static JsonNode Content(System.Text.Json.JsonElement detail) => JsonNode.Parse(detail.GetProperty("content").GetRawText())!;

    // axe at the desktop and the phone width; the page must not be wider than the phone either.
    private static async Task NoViolations(IPage page, string state)
    {
        foreach (var width in new[] { 1280, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            var violations = await Accessibility.Violations(page);
            Assert.True(violations.Count == 0, $"axe on {state} at {width} px: {string.Join("; ", violations)}");
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{state} is wider than {width} px.");
        }

        await page.SetViewportSizeAsync(1280, 900);
    }
}
