using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// Simulate and the audit decision page say why, why not a higher tier and what it would take, in the words and
/// amounts a teller reads out, each rule linked to its version and each parameter to its field there.
/// </summary>
public sealed class ExplanationPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly object Target = new { customerId = "R-EXPLAIN", avgDailyBalance = 320000, lastTierReviewDate = "2026-03-01" };

    [Fact]
    public async Task Simulate_shows_why_target_why_not_vip_and_the_balance_it_would_take_linked_to_the_parameter()
    {
        var editor = await browser.SignIn("editor");
        await editor.GotoAsync("/console/index.html#/rulesets/retail-tiering/versions/1");
        await editor.Locator("#customer").FillAsync(JsonSerializer.Serialize(Target));
        await editor.Locator("#simulate").ClickAsync();

        var simulated = new ExplanationPanel(editor, "simulated-explanation");
        await Assertions.Expect(simulated.Reason("tiers", "TARGET"))
            .ToContainTextAsync("✓ customer.avgDailyBalance 320,000 ≥ params.targetAvgDailyBalance 50,000");
        await Assertions.Expect(simulated.WhyNot("VIP"))
            .ToContainTextAsync("✗ customer.avgDailyBalance 320,000 ≥ params.vipAvgDailyBalance 500,000");
        await Assertions.Expect(simulated.Takes("VIP", "avgDailyBalance")).ToContainTextAsync("avgDailyBalance: 320,000 → 500,000 (+180,000)");
        await Assertions.Expect(simulated.Takes("VIP", "cardSpend12m")).ToContainTextAsync("cardSpend12m: not given → 300,000 (+300,000)");
        await Assertions.Expect(simulated.Takes("VIP", "isKeyExecutiveOfGoldCorporate")).ToContainTextAsync("not given → true");
        await browser.Screenshot(editor, "30-simulate-explained");
        await editor.SetViewportSizeAsync(390, 900);
        Assert.True(await editor.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The explanation is wider than 390 px.");
        await editor.SetViewportSizeAsync(1280, 900);

        var vipRule = await simulated.WhyNot("VIP").GetByRole(AriaRole.Link, new() { Name = "VIP", Exact = true }).GetAttributeAsync("href");
        Assert.Equal("#/rulesets/retail-tiering/versions/1/rules/tiers/VIP", vipRule);
        await simulated.Takes("VIP", "avgDailyBalance").GetByRole(AriaRole.Link, new() { Name = "parameter vipAvgDailyBalance" }).ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("versions/1/parameters/vipAvgDailyBalance$"));
        await Assertions.Expect(editor.GetByTestId("parameter-vipAvgDailyBalance")).ToHaveClassAsync("field targeted");
        await Assertions.Expect(editor.GetByLabel("vipAvgDailyBalance")).ToHaveValueAsync("500000");

        await editor.GotoAsync("/console/index.html" + vipRule);
        await Assertions.Expect(editor.GetByTestId("rule-tiers-VIP")).ToHaveClassAsync("targeted");
        await Assertions.Expect(editor.GetByTestId("rule-tiers-VIP")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task A_rule_set_with_labels_reads_in_its_labels_in_the_reasons_why_not_and_what_it_would_take()
    {
        var editorApi = browser.App.Client("editor");
        var v1 = await (await editorApi.GetAsync("/v1/rulesets/retail-tiering/versions/1")).Json(HttpStatusCode.OK);
        var content = JsonNode.Parse(v1.GetProperty("content").GetRawText())!;
        content["input"]!["avgDailyBalance"]!["label"] = new JsonObject { ["zh-CN"] = "日均余额", ["en"] = "Average daily balance" };
        content["parameters"]!["vipAvgDailyBalance"]!["label"] = new JsonObject { ["zh-CN"] = "贵宾门槛", ["en"] = "VIP threshold" };
        content["parameters"]!["targetAvgDailyBalance"]!["label"] = new JsonObject { ["zh-CN"] = "目标客户门槛", ["en"] = "Target threshold" };
        var draft = await (await editorApi.PostJson("/v1/rulesets/retail-tiering/drafts", new { content })).Json(HttpStatusCode.Created);

        var editor = await browser.SignIn("editor");
        await editor.GotoAsync($"/console/index.html#/rulesets/retail-tiering/versions/{draft.GetProperty("version").GetInt32()}");
        await editor.Locator("#customer").FillAsync(JsonSerializer.Serialize(Target));
        await editor.Locator("#simulate").ClickAsync();

        var simulated = new ExplanationPanel(editor, "simulated-explanation");
        await Assertions.Expect(simulated.Reason("tiers", "TARGET")).ToContainTextAsync("✓ 日均余额 320,000 ≥ 目标客户门槛 50,000");
        await Assertions.Expect(simulated.WhyNot("VIP")).ToContainTextAsync("✗ 日均余额 320,000 ≥ 贵宾门槛 500,000");
        await Assertions.Expect(simulated.Takes("VIP", "avgDailyBalance")).ToContainTextAsync("日均余额: 320,000 → 500,000 (+180,000)");
        await browser.Screenshot(editor, "32-simulate-labelled");
    }

    [Fact]
    public async Task An_auditor_reads_the_logged_reasons_and_replays_for_why_not_and_what_it_would_take_shown_as_a_replay()
    {
        var answer = await (await browser.App.Client("teller").PostJson("/v1/decisions", new { ruleSet = "retail-tiering", customer = Target }))
            .Json(HttpStatusCode.OK);
        var auditor = await browser.SignIn("auditor");
        await auditor.GotoAsync($"/console/index.html#/decisions/{answer.GetProperty("decisionId").GetString()}");

        var logged = new ExplanationPanel(auditor, "logged-explanation");
        await Assertions.Expect(logged.Reason("tiers", "TARGET"))
            .ToContainTextAsync("customer.avgDailyBalance 320,000 ≥ params.targetAvgDailyBalance 50,000");
        await Assertions.Expect(logged.Reason("tiers", "TARGET").GetByRole(AriaRole.Link, new() { Name = "parameter targetAvgDailyBalance" }))
            .ToHaveAttributeAsync("href", "#/rulesets/retail-tiering/versions/1/parameters/targetAvgDailyBalance");
        await Assertions.Expect(logged.Reason("tiers", "TARGET").GetByRole(AriaRole.Link, new() { Name = "retail-tiering v1" }))
            .ToHaveAttributeAsync("href", "#/rulesets/retail-tiering/versions/1");
        await Assertions.Expect(logged.WhyNot("VIP")).ToHaveCountAsync(0);

        await auditor.Locator("#replay").ClickAsync();
        await Assertions.Expect(auditor.Locator("#replay-result")).ToContainTextAsync("Identical");
        await Assertions.Expect(auditor.Locator("#replayed-title")).ToHaveTextAsync("Explained further by replaying it (explain=counterfactual)");
        var replayed = new ExplanationPanel(auditor, "replayed-explanation");
        await Assertions.Expect(replayed.WhyNot("VIP")).ToContainTextAsync("✗ customer.avgDailyBalance 320,000 ≥ params.vipAvgDailyBalance 500,000");
        await Assertions.Expect(replayed.Takes("VIP", "avgDailyBalance")).ToContainTextAsync("avgDailyBalance: 320,000 → 500,000 (+180,000)");
        await Assertions.Expect(replayed.Takes("VIP", "avgDailyBalance").GetByRole(AriaRole.Link, new() { Name = "parameter vipAvgDailyBalance" }))
            .ToHaveAttributeAsync("href", "#/rulesets/retail-tiering/versions/1/parameters/vipAvgDailyBalance");
        await browser.Screenshot(auditor, "31-decision-explained");
    }
}
