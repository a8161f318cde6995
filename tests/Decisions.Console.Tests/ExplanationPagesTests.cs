using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Decisions.Console.Tests.ExplanationPanel;

namespace Decisions.Console.Tests;

/// <summary>
/// Simulate and the audit decision page say why, why not a higher tier and what it would take, in the words and
/// amounts a teller reads out, each rule linked to its version and each parameter to its field there.
/// </summary>
public sealed class ExplanationPagesTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Version1 = "#/rulesets/retail-tiering/versions/1";

    private static readonly object Target =
        new { customerId = "R-EXPLAIN", avgDailyBalance = 320000, lastTierReviewDate = "2026-03-01" };

    private static Task Reads(ILocator item, string text) => Assertions.Expect(item).ToContainTextAsync(text);

    private static Task LinksTo(ILocator link, string hash) =>
        Assertions.Expect(link).ToHaveAttributeAsync("href", hash);

    private async Task<(IPage Editor, ExplanationPanel Simulated)> Simulate(int version)
    {
        var editor = await browser.SignIn("editor");
        await editor.GotoAsync($"/console/index.html#/rulesets/retail-tiering/versions/{version}");
        await editor.Locator("#customer").FillAsync(JsonSerializer.Serialize(Target));
        await editor.Locator("#simulate").ClickAsync();
        return (editor, new ExplanationPanel(editor, "simulated-explanation"));
    }

    [Fact]
    public async Task Simulate_shows_why_target_why_not_vip_and_the_balance_it_would_take_linked_to_the_parameter()
    {
        var (editor, simulated) = await Simulate(1);

        await Reads(simulated.Reason("tiers", "TARGET"),
            "✓ customer.avgDailyBalance 320,000 ≥ params.targetAvgDailyBalance 50,000");
        await Reads(simulated.WhyNot("VIP"), "✗ customer.avgDailyBalance 320,000 ≥ params.vipAvgDailyBalance 500,000");
        await Reads(simulated.Takes("VIP", "avgDailyBalance"), "avgDailyBalance: 320,000 → 500,000 (+180,000)");
        await Reads(simulated.Takes("VIP", "cardSpend12m"), "cardSpend12m: not given → 300,000 (+300,000)");
        await Reads(simulated.Takes("VIP", "isKeyExecutiveOfGoldCorporate"), "not given → true");
        await browser.Visit(editor, "30-simulate-explained");
        await editor.SetViewportSizeAsync(390, 900);
        var width = await editor.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"The explanation is {width} px wide at 390 px.");
        await editor.SetViewportSizeAsync(1280, 900);

        await LinksTo(Link(simulated.WhyNot("VIP"), "VIP"), $"{Version1}/rules/tiers/VIP");
        await Parameter(simulated.Takes("VIP", "avgDailyBalance"), "vipAvgDailyBalance").ClickAsync();
        await Assertions.Expect(editor).ToHaveURLAsync(new Regex("versions/1/parameters/vipAvgDailyBalance$"));
        await Assertions.Expect(editor.GetByTestId("parameter-vipAvgDailyBalance")).ToHaveClassAsync("field targeted");
        await Assertions.Expect(editor.GetByLabel("vipAvgDailyBalance")).ToHaveValueAsync("500000");

        await editor.GotoAsync($"/console/index.html{Version1}/rules/tiers/VIP");
        await Assertions.Expect(editor.GetByTestId("rule-tiers-VIP")).ToHaveClassAsync("targeted");
        await Assertions.Expect(editor.GetByTestId("rule-tiers-VIP")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task A_rule_set_with_labels_reads_in_its_labels_in_the_reasons_why_not_and_what_it_would_take()
    {
        var editorApi = browser.App.Client("editor");
        var v1 = await (await editorApi.GetAsync("/v1/rulesets/retail-tiering/versions/1")).Json(HttpStatusCode.OK);
        var content = JsonNode.Parse(v1.GetProperty("content").GetRawText())!;
        static JsonObject Label(string zh, string en) => new() { ["zh-CN"] = zh, ["en"] = en };
        content["input"]!["avgDailyBalance"]!["label"] = Label("日均余额", "Average daily balance");
        content["parameters"]!["vipAvgDailyBalance"]!["label"] = Label("贵宾门槛", "VIP threshold");
        content["parameters"]!["targetAvgDailyBalance"]!["label"] = Label("目标客户门槛", "Target threshold");
        var draft = await (await editorApi.PostJson("/v1/rulesets/retail-tiering/drafts", new { content }))
            .Json(HttpStatusCode.Created);

        var (editor, simulated) = await Simulate(draft.GetProperty("version").GetInt32());

        await Reads(simulated.Reason("tiers", "TARGET"), "✓ 日均余额 320,000 ≥ 目标客户门槛 50,000");
        await Reads(simulated.WhyNot("VIP"), "✗ 日均余额 320,000 ≥ 贵宾门槛 500,000");
        await Reads(simulated.Takes("VIP", "avgDailyBalance"), "日均余额: 320,000 → 500,000 (+180,000)");
        await browser.Visit(editor, "32-simulate-labelled");
    }

    [Fact]
    public async Task An_auditor_reads_the_logged_reasons_and_replays_for_why_not_and_what_it_would_take_shown_as_a_replay()
    {
        var teller = browser.App.Client("teller");
        var answer = await (await teller.PostJson("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = Target }))
            .Json(HttpStatusCode.OK);
        var auditor = await browser.SignIn("auditor");
        await auditor.GotoAsync($"/console/index.html#/decisions/{answer.GetProperty("decisionId").GetString()}");

        var logged = new ExplanationPanel(auditor, "logged-explanation");
        var target = logged.Reason("tiers", "TARGET");
        await Reads(target, "customer.avgDailyBalance 320,000 ≥ params.targetAvgDailyBalance 50,000");
        await LinksTo(Parameter(target, "targetAvgDailyBalance"), $"{Version1}/parameters/targetAvgDailyBalance");
        await LinksTo(Link(target, "retail-tiering v1"), Version1);
        await Assertions.Expect(logged.WhyNot("VIP")).ToHaveCountAsync(0);

        await auditor.Locator("#replay").ClickAsync();
        await Reads(auditor.Locator("#replay-result"), "Identical");
        await Reads(auditor.Locator("#replayed-title"), "Explained further by replaying it (explain=counterfactual)");
        var replayed = new ExplanationPanel(auditor, "replayed-explanation");
        await Reads(replayed.WhyNot("VIP"), "✗ customer.avgDailyBalance 320,000 ≥ params.vipAvgDailyBalance 500,000");
        await Reads(replayed.Takes("VIP", "avgDailyBalance"), "avgDailyBalance: 320,000 → 500,000 (+180,000)");
        await LinksTo(Parameter(replayed.Takes("VIP", "avgDailyBalance"), "vipAvgDailyBalance"),
            $"{Version1}/parameters/vipAvgDailyBalance");
        await browser.Visit(auditor, "31-decision-explained");
    }
}
