using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// The story the console exists for: a product team lowers the VIP threshold without a deployment, under
/// four eyes, and an auditor can still replay a decision made under the previous version.
/// </summary>
public sealed class PolicyChangeStoryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly object Customer = new { customerId = "R-STORY", name = "李华", avgDailyBalance = 400000,
        lastTierReviewDate = "2026-03-01" };

    [Fact]
    public async Task An_editor_lowers_the_vip_threshold_an_approver_publishes_it_and_an_auditor_replays_the_old_decision()
    {
        var teller = browser.App.Client("teller");
        var before = await (await teller.PostJson("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = Customer })).Json(HttpStatusCode.OK);
        Assert.Equal("TARGET", before.GetProperty("tier").GetProperty("code").GetString());

        var editor = await browser.SignIn("editor");
        await editor.GetByRole(AriaRole.Link, new() { Name = "retail-tiering" }).ClickAsync();
        await browser.Visit(editor, "10-history");
        await editor.Locator("#new-draft").ClickAsync();
        await Assertions.Expect(editor.Locator("#view h1")).ToContainTextAsync("retail-tiering v2");
        await browser.Visit(editor, "10b-draft");

        await editor.GetByLabel("vipAvgDailyBalance").FillAsync("300000");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save parameters" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#results"))
            .ToContainTextAsync("Just below the VIP balance threshold is TARGET");

        var content = JsonNode.Parse(await editor.Locator("#content").InputValueAsync())!;
        var vipCondition = content["tiers"]!["rules"]![0]!["when"]!.GetValue<string>();
        content["tiers"]!["rules"]![0]!["when"] = vipCondition + " ||";
        await editor.Locator("#content").FillAsync(content.ToJsonString());
        await editor.Locator("#save-json").ClickAsync();
        await Assertions.Expect(editor.Locator("#results .problems")).ToContainTextAsync("tiers.rules[0].when");
        await Assertions.Expect(editor.Locator("#rule-tiers-0 .problems")).ToContainTextAsync("tiers.rules[0].when");
        await Assertions.Expect(editor.Locator("#rule-tiers-1 .problems li")).ToHaveCountAsync(0);
        await browser.Visit(editor, "11-validation-error");

        await CaretAt(editor, "\"tiers\"", "\"when\"", 0);
        await Assertions.Expect(editor.Locator("#schema-path")).ToHaveTextAsync("tiers.rules[0]");
        await Assertions.Expect(editor.Locator("#schema-properties")).ToContainTextAsync("when*");
        await CaretAt(editor, "\"tiers\"", "\"when\"", 8);
        await Assertions.Expect(editor.Locator("#schema-path")).ToHaveTextAsync("tiers.rules[0].when");
        await Assertions.Expect(editor.Locator("#schema-hints")).ToContainTextAsync("RulesEngine expression");
        await CaretAt(editor, "\"input\"", "\"type\":", 7);
        await Assertions.Expect(editor.Locator("#schema-values")).ToContainTextAsync("string[]");
        await browser.Visit(editor, "11b-schema-hints");

        content["tiers"]!["rules"]![0]!["when"] = vipCondition;
        content["tests"]!.AsArray()
            .First(t => t!["name"]!.GetValue<string>() == "Just below the VIP balance threshold is TARGET")!
            ["customer"]!["avgDailyBalance"] = 299999.99;
        await editor.Locator("#content").FillAsync(content.ToJsonString());
        await editor.Locator("#save-json").ClickAsync();
        await editor.Locator("#validate").ClickAsync();
        await Assertions.Expect(editor.Locator("#results h2")).ToHaveTextAsync("Valid: every test passes");

        await editor.Locator("#impact").ClickAsync();
        // An editor sees every tier pair, counts under ten shown as such, so the row is there whatever moved.
        var migration = editor.Locator("#tier-matrix tbody tr",
            new() { HasTextRegex = new Regex(@"^\s*TARGET\s*VIP") });
        await Assertions.Expect(migration).ToContainTextAsync("<10");
        await browser.Visit(editor, "12-impact");
        await editor.SetViewportSizeAsync(390, 900);
        Assert.True(await editor.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390,
            "The version page is wider than 390 px.");
        await browser.Visit(editor, "12b-version-390px");
        await editor.SetViewportSizeAsync(1280, 900);

        await editor.GetByLabel("Comment").FillAsync("Lower the VIP balance line to 300,000");
        await editor.Locator("#submit").ClickAsync();
        await Assertions.Expect(editor.Locator("#view h1 .badge")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(editor.Locator("#approve")).ToHaveCountAsync(0);
        await browser.Visit(editor, "12c-submitted");

        var approver = await browser.SignIn("approver");
        await approver.GotoAsync("/console/index.html#/rulesets/retail-tiering/versions/2");
        await Assertions.Expect(approver.Locator("#four-eyes"))
            .ToContainTextAsync("Written by editor · submitted by editor");
        await new ReviewPage(approver).Approve("Impact checked with risk");
        await Assertions.Expect(approver.Locator("#view h1 .badge")).ToHaveTextAsync("Approved");
        await browser.Visit(approver, "13a-approved-not-active");
        await approver.Locator("#activate").ClickAsync();
        await Assertions.Expect(approver.Locator("#activation")).ToHaveTextAsync("Active now.");
        await browser.Visit(approver, "13-approved");
        await approver.GotoAsync("/console/index.html#/rulesets/retail-tiering/diff/1/2");
        await Assertions.Expect(approver.Locator("#view")).ToContainTextAsync("retail-tiering: v1 → v2");
        await browser.Visit(approver, "13b-diff");

        var after = await (await teller.PostJson("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = Customer })).Json(HttpStatusCode.OK);
        Assert.Equal("VIP", after.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal(2, after.GetProperty("ruleSet").GetProperty("version").GetInt32());

        var auditor = await browser.SignIn("auditor");
        await auditor.GotoAsync($"/console/index.html#/decisions/{before.GetProperty("decisionId").GetString()}");
        await Assertions.Expect(auditor.Locator("#logged-tier")).ToContainTextAsync("TARGET");
        await browser.Visit(auditor, "14a-decision");
        await auditor.Locator("#replay").ClickAsync();
        await Assertions.Expect(auditor.Locator("#replay-result")).ToContainTextAsync("Identical");
        await browser.Visit(auditor, "14-replay");
        await auditor.GotoAsync("/console/index.html#/audit");
        await Assertions.Expect(auditor.Locator("#verification")).ToContainTextAsync("Verified");
        await Assertions.Expect(auditor.Locator("#trail")).ToContainTextAsync("approved");
        await browser.Visit(auditor, "15-audit");
    }

    // Puts the editor's caret at the first `target` after `section`, moved by `offset` characters, as a click would.
    private static async Task CaretAt(IPage page, string section, string target, int offset) =>
        await page.Locator("#content").EvaluateAsync(
            "(e, [section, target, offset]) => { "
            + "const at = e.value.indexOf(target, e.value.indexOf(section)) + offset; "
            + "e.focus(); e.setSelectionRange(at, at); e.dispatchEvent(new Event('click')); }",
            new object[] { section, target, offset });
}
