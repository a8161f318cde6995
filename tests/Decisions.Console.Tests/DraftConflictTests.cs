using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// Two editors saving one draft: the second save meets the first's (If-Match, 412) and reloads and reapplies its
/// own edits onto it, value by value, choosing where both changed one value; nothing either saved is lost.
/// </summary>
public sealed class DraftConflictTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Balance = "customer.avgDailyBalance";
    private DateTimeOffset _firstSave;

    [Fact]
    public async Task Two_editors_save_one_draft_and_the_second_reloads_reapplies_and_keeps_both_changes()
    {
        var (page, version) = await SecondEditorBehindTheFirst();
        var second = new DraftPage(page);
        await second.SetLabel("tiers", "VIP", "Private banking");
        await second.Page.GetByTestId("save-rules").ClickAsync();

        await Assertions.Expect(second.Conflict).ToContainTextAsync("parameters.vipAvgDailyBalance.value");
        await Assertions.Expect(second.LastWriter).ToContainTextAsync("editor saved this draft at ");
        Assert.Equal(_firstSave, DateTimeOffset.Parse(
            (await second.LastWriter.Locator("time").GetAttributeAsync("datetime"))!, CultureInfo.InvariantCulture));
        await Assertions.Expect(second.Page.GetByTestId("editor-status")).ToContainTextAsync("If-Match");
        await Accessibility.AssertNone(second.Page, "a save conflict");
        await second.Conflict.GetByTestId("reapply").ClickAsync();
        await Assertions.Expect(second.Page.GetByTestId("reapplied")).ToContainTextAsync("save to keep both");
        await Assertions.Expect(second.Page.GetByTestId("cell-VIP-" + Balance)).ToHaveValueAsync("600000");
        await Accessibility.AssertNone(second.Page, "changes reapplied");
        await second.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(second.Page.GetByTestId("editor-status")).ToContainTextAsync("Saved.");

        var saved = await Content(version);
        Assert.Equal(600000, saved["parameters"]!["vipAvgDailyBalance"]!["value"]!.GetValue<decimal>());
        Assert.Equal("Private banking", saved["tiers"]!["rules"]![0]!["label"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task Both_editors_change_one_threshold_and_the_second_chooses_which_value_to_keep()
    {
        var (page, version) = await SecondEditorBehindTheFirst();
        var second = new RuleEditorPage(page);
        await second.SetCell("VIP", Balance, "700000");
        await second.Page.GetByTestId("save-rules").ClickAsync();
        await second.Page.GetByTestId("conflict").GetByTestId("reapply").ClickAsync();

        var choice = second.Page.GetByTestId("merge-conflict");
        await Assertions.Expect(choice).ToContainTextAsync("parameters.vipAvgDailyBalance.value");
        await Accessibility.AssertNone(second.Page, "a value both changed");
        await choice.GetByTestId("keep-theirs").CheckAsync();
        await Assertions.Expect(second.Cell("VIP", Balance)).ToHaveValueAsync("600000");
        await choice.GetByTestId("keep-mine").CheckAsync();
        await Assertions.Expect(second.Cell("VIP", Balance)).ToHaveValueAsync("700000");
        await second.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(second.Status).ToContainTextAsync("Saved.");

        var saved = await Content(version);
        Assert.Equal(700000, saved["parameters"]!["vipAvgDailyBalance"]!["value"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_json_save_after_someone_elses_save_reapplies_onto_theirs_beside_save_json()
    {
        var (page, version) = await SecondEditorBehindTheFirst();
        var second = new DraftPage(page);
        var mine = JsonNode.Parse(await second.Page.Locator("#content").InputValueAsync())!;
        mine["tiers"]!["rules"]![1]!["label"]!["en"] = "Growth";
        await second.SaveJson(mine.ToJsonString());

        var conflict = second.JsonConflict;
        await Assertions.Expect(conflict).ToContainTextAsync("parameters.vipAvgDailyBalance.value");
        await Assertions.Expect(conflict.GetByTestId("last-writer")).ToContainTextAsync("editor saved this draft at ");
        await conflict.GetByTestId("reapply").ClickAsync();
        await Assertions.Expect(second.Page.Locator("#param-vipAvgDailyBalance")).ToHaveValueAsync("600000");
        await second.Page.Locator("#save-json").ClickAsync();
        await Assertions.Expect(second.JsonStatus).ToContainTextAsync("Saved.");

        var saved = await Content(version);
        Assert.Equal(600000, saved["parameters"]!["vipAvgDailyBalance"]!["value"]!.GetValue<decimal>());
        Assert.Equal("Growth", saved["tiers"]!["rules"]![1]!["label"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_rule_added_by_one_editor_and_a_label_changed_by_the_other_in_one_section_both_survive()
    {
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var api = browser.App.Client("editor2");
        var path = $"/v1/rulesets/retail-tiering/versions/{version}";
        var response = await api.GetAsync(path);
        var theirs = JsonNode.Parse((await response.Json(HttpStatusCode.OK)).GetProperty("content").GetRawText())!;
        theirs["privileges"]!["rules"]!.AsArray().Add(JsonNode.Parse(
            """{ "code": "WEALTH_DESK", "label": { "zh-CN": "财富专席", "en": "Wealth desk" }, "when": "tier == \"VIP\"" }"""));
        var put = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(theirs) };
        put.Headers.IfMatch.Add(response.Headers.ETag!);
        await (await api.SendAsync(put)).Json(HttpStatusCode.OK);

        await new DraftPage(editor.Page).SetLabel("privileges", "PRIORITY_QUEUE", "Skip the queue");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await editor.Page.GetByTestId("conflict").GetByTestId("reapply").ClickAsync();
        await Assertions.Expect(editor.Page.GetByTestId("merge-conflict")).ToHaveCountAsync(0);
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status).ToContainTextAsync("Saved.");

        var privileges = (await Content(version))["privileges"]!["rules"]!.AsArray();
        Assert.Equal("Skip the queue", privileges[0]!["label"]!["en"]!.GetValue<string>());
        Assert.Equal("WEALTH_DESK", privileges[^1]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_submit_from_a_page_behind_someone_elses_save_is_refused_and_names_them()
    {
        var (page, version) = await SecondEditorBehindTheFirst();
        await page.GetByLabel("Comment").FillAsync("Ready for review");
        await page.Locator("#submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("review-status")).ToContainTextAsync("editor saved this draft at ");
        await Accessibility.AssertNone(page, "a submit refused for a stale page");
        var response = await browser.App.Client("editor2").GetAsync($"/v1/rulesets/retail-tiering/versions/{version}");
        var summary = (await response.Json(HttpStatusCode.OK)).GetProperty("summary");
        Assert.Equal("draft", summary.GetProperty("status").GetString());
    }

    /// <summary>A draft open for editor and editor2, where editor saved a VIP threshold of 600,000 since.</summary>
    private async Task<(IPage Second, int Version)> SecondEditorBehindTheFirst()
    {
        var (first, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var second = await browser.SignIn("editor2");
        await new RuleEditorPage(second).Open("retail-tiering", version);
        await first.SetCell("VIP", Balance, "600000");
        _firstSave = browser.App.Clock.GetUtcNow();
        await first.Save("Saved. 1 tests fail, 1 problems.");
        return (second, version);
    }

    private Task<JsonNode> Content(int version, string ruleSet = "retail-tiering") =>
        DraftPage.Saved(browser, ruleSet, version);
}
