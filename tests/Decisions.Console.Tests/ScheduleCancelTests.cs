using System.Net;
using System.Text.Json;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// An approver cancels a scheduled activation from the rule set's page; an editor sees it but cannot.
/// </summary>
public sealed class ScheduleCancelTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_approver_cancels_a_scheduled_activation_from_the_rule_set_page()
    {
        var sequence = await ScheduleVersion2();
        var editor = await browser.SignIn("editor");
        await editor.GetByRole(AriaRole.Link, new() { Name = "big-customer-revenue" }).ClickAsync();
        await Assertions.Expect(editor.GetByTestId($"scheduled-{sequence}")).ToContainTextAsync("v2 becomes active");
        await Assertions.Expect(editor.GetByTestId("cancel-schedule")).ToHaveCountAsync(0);
        await browser.Visit(editor, "23-scheduled-activation");

        var approver = await browser.SignIn("approver");
        await approver.GetByRole(AriaRole.Link, new() { Name = "big-customer-revenue" }).ClickAsync();
        await approver.GetByTestId($"scheduled-{sequence}")
            .GetByTestId("cancel-comment")
            .FillAsync("Campaign postponed");
        await approver.GetByTestId($"scheduled-{sequence}").GetByTestId("cancel-schedule").ClickAsync();

        await Assertions.Expect(approver.GetByTestId($"scheduled-{sequence}")).ToHaveCountAsync(0);
        var overview = (await (await browser.App.Client("approver").GetAsync("/v1/rulesets")).Json(HttpStatusCode.OK))
            .GetProperty("items");
        var entry = overview.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "big-customer-revenue");
        Assert.Equal(0, entry.GetProperty("scheduled").GetArrayLength());
        var trail = (await (await browser.App.Client("auditor").GetAsync("/v1/audit?ruleSet=big-customer-revenue"))
            .Json(HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal("schedule-cancelled", trail.EnumerateArray().Last().GetProperty("action").GetString());
    }

    private async Task<long> ScheduleVersion2()
    {
        var editor = browser.App.Client("editor");
        var approver = browser.App.Client("approver");
        await (await editor.PostJson("/v1/rulesets/big-customer-revenue/drafts",
            new { from = 1 })).Json(HttpStatusCode.Created);
        await (await editor.PostJson("/v1/rulesets/big-customer-revenue/versions/2/submit",
            new { comment = "Same rules, new campaign" })).Json(HttpStatusCode.OK);
        await (await approver.PostJson("/v1/rulesets/big-customer-revenue/versions/2/approve",
            new { comment = "OK" })).Json(HttpStatusCode.OK);
        var effectiveAt = browser.App.Clock.GetUtcNow().AddDays(3);
        JsonElement scheduled = await (await approver.PostJson("/v1/rulesets/big-customer-revenue/versions/2/activate",
            new { comment = "In three days", effectiveAt })).Json(HttpStatusCode.OK);
        return scheduled.GetProperty("sequence").GetInt64();
    }
}
