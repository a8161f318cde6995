using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>An approver's decision is confirmed before it is sent: cancelling the dialog sends nothing.</summary>
public sealed class ReviewDecisionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_approver_who_cancels_the_confirmation_changes_nothing_and_a_confirmed_rejection_is_in_the_trail()
    {
        await (await browser.App.Client("editor").PostJson("/v1/rulesets/corporate-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        await (await browser.App.Client("editor").PostJson("/v1/rulesets/corporate-tiering/versions/2/submit",
            new { comment = "Same rules, for the record" })).Json(HttpStatusCode.OK);
        var approver = await browser.SignIn("approver");
        await approver.GotoAsync("/console/index.html#/rulesets/corporate-tiering/versions/2");
        var review = new ReviewPage(approver);

        await review.Ask("#reject", "Nothing changes: no version needed");
        await Assertions.Expect(review.Confirmation)
            .ToContainTextAsync("Reject corporate-tiering v2? It goes back to its author.");
        await approver.GetByTestId("confirm-no").ClickAsync();
        await Assertions.Expect(review.Confirmation).ToHaveCountAsync(0);
        await Assertions.Expect(review.Badge).ToHaveTextAsync("Submitted");
        var trail = browser.App.Client("auditor");
        var before = (await (await trail.GetAsync("/v1/audit?ruleSet=corporate-tiering")).Json(HttpStatusCode.OK))
            .GetProperty("items");
        Assert.Equal("submitted", before.EnumerateArray().Last().GetProperty("action").GetString());

        await review.Reject("Nothing changes: no version needed");

        var after = (await (await trail.GetAsync("/v1/audit?ruleSet=corporate-tiering")).Json(HttpStatusCode.OK))
            .GetProperty("items");
        var rejected = after.EnumerateArray().Last();
        Assert.Equal("rejected", rejected.GetProperty("action").GetString());
        Assert.Equal("Nothing changes: no version needed", rejected.GetProperty("comment").GetString());
    }
}
