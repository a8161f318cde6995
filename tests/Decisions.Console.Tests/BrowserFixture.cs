using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright, headless, with the service on 127.0.0.1. Every page state a test
/// records with <see cref="Visit"/> is saved to <c>artifacts/screenshots/</c> at the repository root and checked by
/// axe-core at 1,280 and 390 pixels.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public DecisionsAppFixture App { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string Screenshots { get; } = Path.Combine(DecisionsAppFixture.RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        App.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Root in a container has no sandbox; the closed network refuses Chromium's background calls.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A new page at the console's address, at the given width, in a time zone (IANA) if given.</summary>
    public async Task<IPage> Page(int width = 1280, string? timeZone = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.Anonymous().BaseAddress!.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "zh-CN",
            TimezoneId = timeZone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in with the test key of <paramref name="who"/>, on the overview.</summary>
    public async Task<IPage> SignIn(string who, string? timeZone = null)
    {
        var page = await Page(timeZone: timeZone);
        await page.GotoAsync("/console");
        await page.GetByLabel("API key").FillAsync(DecisionsAppFixture.Keys[who]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.Locator("#who")).ToContainTextAsync($"({who.TrimEnd('2')})");
        return page;
    }

    /// <summary>
    /// A page state a story reaches: a full-page screenshot at the current width, then no axe violation and no
    /// horizontal scroll at 1,280 and 390 pixels (<see cref="Accessibility.AssertNone"/>), so no recorded state
    /// goes unchecked.
    /// </summary>
    public async Task Visit(IPage page, string name)
    {
        var path = Path.Combine(Screenshots, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await Accessibility.AssertNone(page, name);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
