using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A version's page as a reviewer uses it: the review package, the comment, approve or reject, activate.
/// </summary>
public sealed class ReviewPage(IPage page)
{
    public ILocator Package => page.GetByTestId("review-package");

    /// <summary>
    /// The change of one value in the package's diff, e.g. ("parameters", "vipAvgDailyBalance", "value").
    /// </summary>
    public ILocator Change(string section, string key, string field) =>
        page.Locator("#package-diff").GetByTestId($"change-{section}-{key}-{field}");

    public ILocator CommentError => page.GetByTestId("comment-error");

    public ILocator Confirmation => page.GetByTestId("confirm-dialog");

    public ILocator Badge => page.Locator("#view h1 .badge");

    /// <summary>Approves with a comment, confirming in the dialog, and waits for the version to show it.</summary>
    public Task Approve(string comment) => Decide("#approve", comment, "Approved");

    /// <summary>Rejects with a comment, confirming in the dialog, and waits for the version to show it.</summary>
    public Task Reject(string comment) => Decide("#reject", comment, "Rejected");

    /// <summary>Writes the comment and presses the step's button; the confirmation dialog is then open.</summary>
    public async Task Ask(string button, string comment)
    {
        await page.Locator("#review-comment").FillAsync(comment);
        await page.Locator(button).ClickAsync();
        await Assertions.Expect(Confirmation).ToBeVisibleAsync();
    }

    /// <summary>Saves the review package and the review controls below it, as one picture of the page.</summary>
    public async Task Screenshot(string path)
    {
        var top = (await Package.BoundingBoxAsync())!;
        var review = (await page.Locator("section[aria-labelledby=review-title]").BoundingBoxAsync())!;
        var scrolled = await page.EvaluateAsync<float>("window.scrollY");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path, FullPage = true,
            Clip = new Clip { X = 0, Y = top.Y + scrolled - 8, Width = page.ViewportSize!.Width,
                Height = review.Y + review.Height - top.Y + 16 },
        });
    }

    private async Task Decide(string button, string comment, string badge)
    {
        await Ask(button, comment);
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Assertions.Expect(Badge).ToHaveTextAsync(badge);
    }
}
