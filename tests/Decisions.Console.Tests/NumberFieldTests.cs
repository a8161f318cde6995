using System.Net;
using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>A parameter's number field refuses a value with separators before anything is saved.</summary>
public sealed class NumberFieldTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_threshold_typed_with_separators_is_refused_at_the_field_and_the_draft_keeps_its_value()
    {
        await (await browser.App.Client("editor").PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var editor = await browser.SignIn("editor");
        var saves = 0;
        editor.Request += (_, request) =>
        {
            if (request.Method == "PUT")
            {
                Interlocked.Increment(ref saves);
            }
        };
        await editor.GotoAsync("/console#/rulesets/retail-tiering/versions/2");
        var field = editor.Locator("#param-vipAvgDailyBalance");

        await field.FillAsync("800,000");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save parameters" }).ClickAsync();

        Assert.False(await field.EvaluateAsync<bool>("input => input.validity.valid"));
        await browser.Visit(editor, "25-number-refused");
        Assert.Equal(0, saves);
        var draft = await (await browser.App.Client("editor").GetAsync("/v1/rulesets/retail-tiering/versions/2"))
            .Json(HttpStatusCode.OK);
        Assert.Equal(500000, draft.GetProperty("content").GetProperty("parameters").GetProperty("vipAvgDailyBalance")
            .GetProperty("value").GetDecimal());
    }
}
