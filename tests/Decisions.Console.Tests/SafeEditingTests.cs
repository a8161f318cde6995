using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Decisions.Console.Tests;

/// <summary>
/// Safe editing and honest feedback: leaving with unsaved changes asks first, the server's problems show beside the
/// control that saved, failing tests are never reported in green, the rules list follows a save, a 2 MB paste does
/// not freeze the tab, and points tables gain and lose rows. Saving one draft twice: <see cref="DraftConflictTests"/>.
/// </summary>
public sealed class SafeEditingTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Balance = "customer.avgDailyBalance";

    [Fact]
    public async Task Leaving_a_draft_with_unsaved_changes_by_link_back_or_reload_asks_first_and_not_after_a_save()
    {
        var (editor, _) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);
        await editor.SetCell("VIP", Balance, "510000");

        await page.LeaveByHistoryLink();
        await Assertions.Expect(page.LeaveDialog).ToBeVisibleAsync();
        await Accessibility.AssertNone(editor.Page, "the leave dialog");
        await page.LeaveDialog.GetByTestId("leave-stay").ClickAsync();
        await Assertions.Expect(page.LeaveDialog).ToHaveCountAsync(0);
        await Assertions.Expect(editor.Cell("VIP", Balance)).ToHaveValueAsync("510000");

        var prompts = new List<string>();
        editor.Page.Dialog += async (_, dialog) =>
        {
            prompts.Add(dialog.Type);
            await dialog.AcceptAsync();
        };
        await editor.Page.ReloadAsync();
        Assert.Equal(["beforeunload"], prompts);

        await editor.SetCell("VIP", Balance, "520000");
        await editor.Save("Saved. 1 tests fail, 1 problems.");
        await page.LeaveByHistoryLink();
        await Assertions.Expect(editor.Page.Locator("#view h1")).ToHaveTextAsync("retail-tiering");
        Assert.Equal(["beforeunload"], prompts);

        await editor.Page.GoBackAsync();
        await page.Page.Locator("#param-vipAvgDailyBalance").FillAsync("530000");
        await editor.Page.GoForwardAsync();
        await Assertions.Expect(page.LeaveDialog).ToBeVisibleAsync();
        await page.LeaveDialog.GetByTestId("leave-stay").ClickAsync();
        await Assertions.Expect(page.Page.Locator("#param-vipAvgDailyBalance")).ToHaveValueAsync("530000");
        await page.LeaveByHistoryLink();
        await page.LeaveDialog.GetByTestId("leave-confirm").ClickAsync();
        await Assertions.Expect(editor.Page.Locator("#view h1")).ToHaveTextAsync("retail-tiering");
        Assert.Equal(["beforeunload"], prompts);
    }

    [Fact]
    public async Task Saving_an_empty_file_shows_the_problem_and_its_paths_beside_save_json()
    {
        var (editor, _) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);

        await page.SaveJson("{}");

        await Assertions.Expect(page.JsonStatus).ToContainTextAsync("not a valid rule-set file");
        await Assertions.Expect(page.JsonStatus.Locator(".problems li code").First).Not.ToBeEmptyAsync();
        await Assertions.Expect(page.JsonStatus).ToHaveClassAsync("status-line error");
        Assert.True(await DraftPage.Distance(page.JsonStatus, editor.Page.Locator("#save-json")) < 50,
            "The problem is not shown beside Save JSON.");
        await Accessibility.AssertNone(editor.Page, "an invalid file refused");
    }

    [Fact]
    public async Task A_save_with_failing_tests_is_not_reported_in_green_and_the_rules_list_follows_the_save()
    {
        var (editor, _) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var page = new DraftPage(editor.Page);

        await page.SaveParameter("vipAvgDailyBalance", "550000");

        await Assertions.Expect(page.ParametersStatus).ToContainTextAsync("1 of");
        await Assertions.Expect(page.ParametersStatus).ToContainTextAsync("tests fail");
        await Assertions.Expect(page.ParametersStatus).ToHaveClassAsync("status-line error");
        await Accessibility.AssertNone(editor.Page, "a save with a failing test");

        await editor.Page.GetByTestId("add-privileges").ClickAsync();
        var added = editor.Page.GetByTestId("edit-privileges").Locator("li.rule-form").Last;
        await added.GetByTestId("rule-code").FillAsync("WEALTH_DESK");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Page.GetByTestId("rule-privileges-WEALTH_DESK")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Points_tables_gain_and_lose_rows_and_the_draft_saves_them_as_plain_rows()
    {
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "prospect-grading");
        var occupation = editor.Page.GetByTestId("points-occupation");
        var rows = await occupation.GetByTestId("points-row").CountAsync();

        await occupation.GetByTestId("add-points-row").ClickAsync();
        var added = occupation.GetByTestId("points-row").Last;
        await added.GetByTestId("points-equals").FillAsync("farmer");
        await added.GetByTestId("points-points").FillAsync("3");
        await occupation.GetByTestId("remove-points-row").First.ClickAsync();
        await Assertions.Expect(occupation.GetByTestId("points-row")).ToHaveCountAsync(rows);
        await Accessibility.AssertNone(editor.Page, "a points table with a new row");
        await editor.Page.GetByTestId("save-rules").ClickAsync();
        await Assertions.Expect(editor.Status).ToContainTextAsync("Saved.");

        var table = (await Content(version, "prospect-grading"))["scores"]!["rules"]![0]!["table"]!["rows"]!.AsArray();
        Assert.Equal(rows, table.Count);
        Assert.Equal("executive", table[0]!["equals"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "equals": "farmer", "points": 3 }"""), table[^1]));
    }

    [Fact]
    public async Task A_two_megabyte_paste_leaves_the_page_responsive_and_the_line_numbers_and_hints_catch_up()
    {
        var (editor, version) = await RuleEditorPage.NewDraft(browser, "retail-tiering");
        var file = await Content(version);
        var tests = file["tests"]!.AsArray();
        var originals = tests.Select(t => t!.DeepClone()).ToList();
        var text = "";
        for (var copy = 1; text.Length < 2_000_000; copy++)
        {
            foreach (var test in originals)
            {
                var clone = test.DeepClone();
                clone["name"] = $"{test["name"]} (copy {copy})";
                tests.Add(clone);
            }

            text = file.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        }

        var lines = text.Split('\n').Length;
        var clock = Stopwatch.StartNew();
        await editor.Page.Locator("#content").FillAsync(text);
        Assert.Equal(2, await editor.Page.EvaluateAsync<int>("1 + 1"));
        var responsive = clock.Elapsed;
        await Assertions.Expect(editor.Page.Locator(".gutter")).ToHaveAttributeAsync("data-count", $"{lines}",
            new() { Timeout = 20_000 });
        await editor.Page.Locator("#content").EvaluateAsync(
            "e => { const at = e.value.lastIndexOf('\"expect\"'); e.focus(); e.setSelectionRange(at + 11, at + 11); "
            + "e.dispatchEvent(new Event('click')); }");
        await Assertions.Expect(editor.Page.Locator("#schema-path")).ToHaveTextAsync($"tests[{tests.Count - 1}].expect",
            new() { Timeout = 20_000 });
        var caughtUp = clock.Elapsed;
        output.WriteLine($"{text.Length:N0} characters, {lines:N0} lines: "
            + $"page answers after {responsive.TotalSeconds:F1} s, "
            + $"line numbers and hints after {caughtUp.TotalSeconds:F1} s.");
        // Generous for a 2-core machine shared by many builds; the browser's own insertion took 90 to 190 s.
        Assert.True(caughtUp < TimeSpan.FromSeconds(20), $"The editor caught up after {caughtUp.TotalSeconds:F1} s.");
        Assert.Equal(2, await editor.Page.EvaluateAsync<int>("1 + 1"));
    }

    private Task<JsonNode> Content(int version, string ruleSet = "retail-tiering") =>
        DraftPage.Saved(browser, ruleSet, version);
}
