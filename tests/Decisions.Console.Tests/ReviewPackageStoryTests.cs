using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// An approver decides from a review package: the version waits in their inbox with the submitter's comment, the
/// page shows the changed value, the tests' results and the impact; approving needs a comment and a confirmation;
/// a scheduled activation says its time zone; a cancellation and a rollback show on the page without a reload.
/// </summary>
public sealed class ReviewPackageStoryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Shanghai = "Asia/Shanghai";

    [Fact]
    public async Task An_approver_reviews_a_raised_vip_threshold_from_the_inbox_and_schedules_it_in_their_time_zone()
    {
        await EditorRaisesTheVipThreshold("Raise the VIP line to 800,000 for the premium launch");

        var approver = await browser.SignIn("approver", Shanghai);
        var inbox = approver.Locator("#nav-inbox");
        await Assertions.Expect(inbox).ToHaveTextAsync("Inbox (1)");
        await inbox.ClickAsync();
        var waiting = approver.GetByTestId("inbox-retail-tiering-2");
        await Assertions.Expect(waiting).ToContainTextAsync("Raise the VIP line to 800,000");
        await Assertions.Expect(waiting).ToContainTextAsync("editor");
        await Accessibility.AssertNone(approver, "the approver's inbox");

        await waiting.GetByRole(AriaRole.Link).ClickAsync();
        var review = new ReviewPage(approver);
        await Assertions.Expect(review.Package.GetByTestId("submit-comment"))
            .ToHaveTextAsync("Raise the VIP line to 800,000 for the premium launch");
        var raised = review.Change("parameters", "vipAvgDailyBalance", "value");
        await Assertions.Expect(raised).ToContainTextAsync("500,000 → 800,000");
        await Assertions.Expect(raised.Locator("del")).ToHaveTextAsync("500,000");
        await Assertions.Expect(raised.Locator("ins")).ToHaveTextAsync("800,000");
        await Assertions.Expect(review.Package.GetByTestId("package-tests")).ToContainTextAsync(" failed.");
        await Assertions.Expect(review.Package.GetByTestId("package-tests")).ToContainTextAsync(", 0 failed");
        await review.Screenshot(Path.Combine(browser.Screenshots, "review-package.png"));
        await review.Package.GetByTestId("package-impact").ClickAsync();
        await Assertions.Expect(review.Package.Locator("#impact-summary")).ToContainTextAsync("would change");
        await Accessibility.AssertNone(approver, "the review package");

        await approver.Locator("#approve").ClickAsync();
        await Assertions.Expect(review.CommentError).ToContainTextAsync("Approve needs a comment");
        await Assertions.Expect(review.Confirmation).ToHaveCountAsync(0);
        await Assertions.Expect(review.Badge).ToHaveTextAsync("Submitted");
        await Accessibility.AssertNone(approver, "an approval refused for want of a comment");
        await review.Ask("#approve", "Impact checked with risk");
        await Assertions.Expect(review.Confirmation)
            .ToContainTextAsync("Approve retail-tiering v2? It can then be activated.");
        await Accessibility.AssertNone(approver, "the approval's confirmation");
        await approver.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(review.Badge).ToHaveTextAsync("Approved");
        await Assertions.Expect(inbox).ToHaveTextAsync("Inbox (0)");

        var at = browser.App.Clock.GetUtcNow().AddDays(3);
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(Shanghai));
        await Assertions.Expect(approver.GetByTestId("activate-at-label"))
            .ToContainTextAsync("Asia/Shanghai, UTC+08:00");
        await approver.Locator("#activate-at")
            .FillAsync(local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await approver.Locator("#activate").ClickAsync();
        var utc = at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
        await Assertions.Expect(approver.Locator("#activation")).ToContainTextAsync("Asia/Shanghai, UTC+08:00");
        await Assertions.Expect(approver.Locator("#activation")).ToContainTextAsync(utc);
        await Accessibility.AssertNone(approver, "a version scheduled to become active");

        await approver.GetByRole(AriaRole.Link, new() { Name = "Rule sets" }).ClickAsync();
        var overview = approver.Locator("#rule-sets tr[data-rule-set=retail-tiering]");
        await Assertions.Expect(overview).ToContainTextAsync("Asia/Shanghai, UTC+08:00");
        await Assertions.Expect(overview).ToContainTextAsync(utc);
        await Accessibility.AssertNone(approver, "the overview with a scheduled activation");

        await overview.GetByRole(AriaRole.Link, new() { Name = "retail-tiering" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("state-2")).ToContainTextAsync("scheduled at");
        await Assertions.Expect(approver.GetByTestId("state-2")).ToContainTextAsync(utc);
        await Assertions.Expect(approver.GetByTestId("scheduled")).ToContainTextAsync("Asia/Shanghai, UTC+08:00");
        await Accessibility.AssertNone(approver, "the rule set with a scheduled activation");
        await approver.GetByTestId("cancel-comment").FillAsync("Launch moved");
        await approver.GetByTestId("cancel-schedule").ClickAsync();
        await Assertions.Expect(approver.GetByTestId("scheduled")).ToHaveCountAsync(0);
        await Assertions.Expect(approver.GetByTestId("state-2")).ToHaveTextAsync("");

        await approver.GetByRole(AriaRole.Link, new() { Name = "v2", Exact = true }).ClickAsync();
        await approver.Locator("#activate").ClickAsync();
        await Assertions.Expect(approver.Locator("#activation")).ToHaveTextAsync("Active now.");
        await Assertions.Expect(review.Package.GetByTestId("package-is-active")).ToBeVisibleAsync();
        await approver.GetByRole(AriaRole.Link, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("state-2")).ToHaveTextAsync("active");
        await approver.Locator("#rollback-to").SelectOptionAsync("1");
        await approver.Locator("#rollback-comment").FillAsync("Back to the first version while the launch moves");
        await approver.GetByRole(AriaRole.Button, new() { Name = "Roll back" }).ClickAsync();
        await Assertions.Expect(approver.GetByTestId("state-1")).ToHaveTextAsync("active");
        await Assertions.Expect(approver.GetByTestId("state-2")).ToHaveTextAsync("");
        await Assertions.Expect(approver.GetByRole(AriaRole.Status)).ToHaveTextAsync("Rolled back: v1 is active.");
        await Accessibility.AssertNone(approver, "the rule set after a rollback");
    }

    // The editor raises the line in the parameters form; the tests of customers between the old and the new line
    // then fail, and move up with it in the JSON.
    private async Task EditorRaisesTheVipThreshold(string comment)
    {
        var editor = await browser.SignIn("editor");
        await editor.GotoAsync("/console/index.html#/rulesets/retail-tiering");
        await editor.Locator("#new-draft").ClickAsync();
        await Assertions.Expect(editor.Locator("#view h1")).ToContainTextAsync("retail-tiering v2");
        await editor.GetByLabel("vipAvgDailyBalance").FillAsync("800000");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save parameters" }).ClickAsync();
        await Assertions.Expect(editor.Locator("#results h2")).ToHaveTextAsync("Problems");

        var content = JsonNode.Parse(await editor.Locator("#content").InputValueAsync())!;
        foreach (var customer in content["tests"]!.AsArray().Select(t => t!["customer"]!))
        {
            var balance = customer["avgDailyBalance"]?.GetValue<double>();
            if (balance is >= 499999.99 and < 800000)
            {
                customer["avgDailyBalance"] = balance + 300000;
            }
        }

        await editor.Locator("#content").FillAsync(content.ToJsonString());
        await editor.Locator("#save-json").ClickAsync();
        await Assertions.Expect(editor.Locator("#results h2")).ToHaveTextAsync("Valid: every test passes");
        await editor.GetByLabel("Comment").FillAsync(comment);
        await editor.Locator("#submit").ClickAsync();
        await Assertions.Expect(editor.Locator("#view h1 .badge")).ToHaveTextAsync("Submitted");
    }
}
