using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>Four eyes in the console: whoever wrote a version's content sees no approve or reject control.</summary>
public sealed class OwnVersionReviewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_admin_who_wrote_a_version_sees_no_review_controls_and_another_approver_does()
    {
        var admin = browser.App.Client("admin");
        await (await admin.PostJson("/v1/rulesets/corporate-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        await (await admin.PostJson("/v1/rulesets/corporate-tiering/versions/2/submit",
            new { comment = "Admin's change" }))
            .Json(HttpStatusCode.OK);

        var author = await browser.SignIn("admin");
        await author.GotoAsync("/console#/rulesets/corporate-tiering/versions/2");
        await Assertions.Expect(author.GetByTestId("own-version")).ToContainTextAsync("another approver reviews it");
        await Assertions.Expect(author.Locator("#approve")).ToHaveCountAsync(0);
        await Assertions.Expect(author.Locator("#reject")).ToHaveCountAsync(0);
        await browser.Visit(author, "22-own-version");

        var approver = await browser.SignIn("approver");
        await approver.GotoAsync("/console#/rulesets/corporate-tiering/versions/2");
        await Assertions.Expect(approver.Locator("#approve")).ToBeVisibleAsync();
        await Assertions.Expect(approver.GetByTestId("own-version")).ToHaveCountAsync(0);
    }
}
