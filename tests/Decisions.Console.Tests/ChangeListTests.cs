using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// Comparing two versions reads as changes, not as JSON: a changed condition is one change with its old and new
/// expression, a rule added or removed is shown as such.
/// </summary>
public sealed class ChangeListTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_auditor_comparing_two_versions_sees_a_changed_condition_as_one_change_and_rules_added_and_removed()
    {
        var editor = browser.App.Client("editor");
        var file = JsonNode.Parse(
            await (await editor.GetAsync("/v1/rulesets/retail-tiering/versions/1/export"))
                .Content.ReadAsStringAsync())!;
        var target = file["tiers"]!["rules"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "TARGET")!;
        var before = target["when"]!.GetValue<string>();
        target["when"] = before.Replace("customer.isOtherBankVip || ", "", StringComparison.Ordinal);
        var privileges = file["privileges"]!["rules"]!.AsArray();
        var homeService = privileges.Single(r => r!["code"]!.GetValue<string>() == "HOME_SERVICE")!;
        privileges.Remove(homeService);
        privileges.Add(new JsonObject { ["code"] = "AIRPORT_LOUNGE",
            ["label"] = new JsonObject { ["en"] = "Airport lounge" }, ["when"] = "tier == \"VIP\"" });
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { content = file }))
            .Json(HttpStatusCode.Created);

        var auditor = await browser.SignIn("auditor");
        await auditor.GotoAsync("/console/index.html#/rulesets/retail-tiering/diff/1/2");
        var condition = auditor.Locator("#diff").GetByTestId("change-tiers-TARGET-when");
        await Assertions.Expect(condition).ToHaveCountAsync(1);
        await Assertions.Expect(condition.Locator("del")).ToHaveTextAsync(before);
        await Assertions.Expect(condition.Locator("ins")).ToHaveTextAsync(target["when"]!.GetValue<string>());
        await Assertions.Expect(auditor.Locator("#diff tbody tr", new() { HasText = "TARGET" })).ToHaveCountAsync(1);
        var removed = auditor.Locator("#diff").GetByTestId("change-privileges-HOME_SERVICE");
        await Assertions.Expect(removed).ToContainTextAsync("removed");
        await Assertions.Expect(removed.Locator("del")).ToContainTextAsync("tier == \"VIP\"");
        var added = auditor.Locator("#diff").GetByTestId("change-privileges-AIRPORT_LOUNGE");
        await Assertions.Expect(added).ToContainTextAsync("added");
        await Assertions.Expect(added.Locator("ins")).ToContainTextAsync("tier == \"VIP\"");
        await Assertions.Expect(auditor.Locator("#diff pre")).ToHaveCountAsync(0);
        await Accessibility.AssertNone(auditor, "the differences between two versions");
    }
}
