using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>A button is disabled while its request runs: a double click on "Submit for review" submits once.</summary>
public sealed class DoubleClickTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_double_click_on_submit_for_review_sends_one_request_and_the_version_is_submitted()
    {
        await (await browser.App.Client("editor").PostJson("/v1/rulesets/prospect-grading/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var editor = await browser.SignIn("editor");
        var submits = 0;
        editor.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/versions/2/submit", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref submits);
            }
        };
        await editor.GotoAsync("/console#/rulesets/prospect-grading/versions/2");
        await editor.Locator("#review-comment").FillAsync("Submitted once");

        await editor.Locator("#submit").DblClickAsync();

        await Assertions.Expect(editor.Locator("#view h1 .badge")).ToHaveTextAsync("Submitted");
        await browser.Visit(editor, "24-points-tables-submitted");
        Assert.Equal(1, submits);
        var trail = (await (await browser.App.Client("auditor").GetAsync("/v1/audit?ruleSet=prospect-grading"))
            .Json(HttpStatusCode.OK)).GetProperty("items");
        Assert.Single(trail.EnumerateArray(), entry => entry.GetProperty("action").GetString() == "submitted");
    }
}
