using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The editor beyond the tables: rules reordered, added and edited rule by rule; the seed conditions read back by
/// the builder as their own text; a validation problem's jump to its line in the labelled JSON editor.
/// </summary>
public sealed class RuleEditorFormsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Rules_are_reordered_added_and_edited_rule_by_rule_and_saved_as_plain_properties()
    {
        var api = browser.App.Client("editor");
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "big-customer-revenue");

        await editor.ShowRuleByRule("nextActions");
        var registration = editor.Rule("nextActions", "BIG_CUSTOMER_REGISTRATION");
        await registration.GetByTestId("rule-message").FillAsync("请登记为大客户。");
        await registration.GetByRole(AriaRole.Button, new() { Name = "Move up" }).ClickAsync();
        var renewal = editor.Rule("nextActions", "ANNUAL_AGREEMENT_RENEWAL");
        await renewal.GetByTestId("condition-mode").ClickAsync();
        await renewal.GetByTestId("condition-expression").FillAsync("tier != \"NONE\" && tier != \"VIP\"");
        await renewal.GetByTestId("condition-mode").ClickAsync();
        await Assertions.Expect(renewal.GetByTestId("clause-field")).ToHaveCountAsync(2);
        await editor.Page.GetByTestId("add-privileges").ClickAsync();
        var added = editor.Rule("privileges", "NEW_4");
        await added.GetByTestId("rule-code").FillAsync("GOLD_LOUNGE");
        await added.GetByTestId("rule-label-zh-CN").FillAsync("金卡贵宾室");
        await added.GetByTestId("rule-label-en").FillAsync("Gold lounge");
        await editor.AddClause("privileges", "NEW_4", "tier", "=", "\"GOLD\"");
        await Accessibility.AssertNone(editor.Page, "rule-by-rule forms");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status).ToContainTextAsync("Saved.");

        var saved = RuleEditorStoryTests.Content(
            await (await api.GetAsync($"/v1/rulesets/big-customer-revenue/versions/{version}"))
                .Json(HttpStatusCode.OK));
        var actions = saved["nextActions"]!["rules"]!.AsArray();
        Assert.Equal(
            ["BIG_CUSTOMER_REGISTRATION", "ANNUAL_AGREEMENT_RENEWAL"],
            actions.Select(a => a!["code"]!.GetValue<string>()));
        Assert.Equal("请登记为大客户。", actions[0]!["message"]!.GetValue<string>());
        Assert.Equal("tier != \"NONE\" && tier != \"VIP\"", actions[1]!["when"]!.GetValue<string>());
        var lounge = saved["privileges"]!["rules"]!.AsArray().Last()!;
        var readable = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        Assert.Equal("""{"code":"GOLD_LOUNGE","label":{"zh-CN":"金卡贵宾室","en":"Gold lounge"},"when":"tier == \"GOLD\""}""",
            lounge.ToJsonString(readable));
    }

    [Fact]
    public async Task A_validation_problem_jumps_to_its_line_in_the_labelled_json_editor()
    {
        var api = browser.App.Client("editor");
        var v1 = await (await api.GetAsync("/v1/rulesets/prospect-grading/versions/1")).Json(HttpStatusCode.OK);
        var content = RuleEditorStoryTests.Content(v1);
        content["tiers"]!["rules"]![0]!["when"] = "scores.total >= ";
        var draft = await (await api.PostJson("/v1/rulesets/prospect-grading/drafts", new { content }))
            .Json(HttpStatusCode.Created);
        var page = await browser.SignIn("editor");
        var version = draft.GetProperty("version").GetInt32();
        await page.GotoAsync($"/console/index.html#/rulesets/prospect-grading/versions/{version}");
        await Assertions.Expect(page.GetByTestId("points-income")).ToBeVisibleAsync();

        await page.Locator("#validate").ClickAsync();
        var problem = page.Locator("#results .problems li", new() { HasText = "tiers.rules[0].when" });
        await problem.GetByTestId("jump-to-line").ClickAsync();
        var line = await page.GetByLabel("Rule set (JSON, advanced)").EvaluateAsync<string>(
            "e => e.value.slice(0, e.selectionStart).split('\\n').length + ': ' + "
            + "e.value.slice(e.selectionStart).split('\\n')[0]");
        Assert.Matches("""^\d+: +"when": "scores\.total >= ",?$""", line);
        await Assertions.Expect(problem.GetByTestId("jump-to-line")).ToHaveTextAsync($"line {line.Split(':')[0]}");
        await Accessibility.AssertNone(page, "the JSON editor with a problem");
    }

    [Theory]
    [InlineData("retail-tiering")]
    [InlineData("corporate-tiering")]
    [InlineData("prospect-grading")]
    [InlineData("big-customer-revenue")]
    public async Task Every_seed_condition_reads_back_from_the_builder_as_its_own_text(string ruleSet)
    {
        var page = await browser.SignIn("editor");
        var read = await page.EvaluateAsync<JsonElement>("""
            async (name) => {
              const { parseCondition, conditionText } = await import("./condition-text.js");
              const key = sessionStorage.getItem("decisions.apiKey");
              const answer = await fetch(`/v1/rulesets/${name}/versions/1`, { headers: { "X-Api-Key": key } });
              const detail = await answer.json();
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
        var typed = read.GetProperty("typed").GetInt32();
        Assert.True(typed * 2 > read.GetProperty("clauses").GetInt32(), read.GetRawText());
    }
}
