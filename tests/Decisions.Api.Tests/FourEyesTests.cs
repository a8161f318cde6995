using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Decisions.Api.Outcomes;
using Decisions.Api.RuleSets;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>Four eyes against a careless or hostile insider: copying, re-importing and blank reviews.</summary>
public sealed class FourEyesTests : IAsyncLifetime
{
    private readonly DecisionsAppFixture _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_copy_of_the_admins_version_made_by_an_editor_cannot_be_approved_by_the_admin()
    {
        await AdminWritesVersion2();
        var editor = _app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts",
            new { from = 2 })).Json(HttpStatusCode.Created);
        await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/3/submit",
            new { comment = "Ship the admin's change" })).Json(HttpStatusCode.OK);

        var refused = await _app.Refused("admin", "/v1/rulesets/retail-tiering/versions/3/approve",
            new { comment = "fine" }, HttpStatusCode.Forbidden);

        Assert.Contains("Four eyes: 'admin'", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await _app.Post("approver", "/v1/rulesets/retail-tiering/versions/3/approve",
            new { comment = "Reviewed" }, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_version_names_everyone_who_wrote_its_content_so_the_console_can_hide_their_review_controls()
    {
        await AdminWritesVersion2();
        var editor = _app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts",
            new { from = 2 })).Json(HttpStatusCode.Created);

        var copy = await (await _app.Client("approver").GetAsync("/v1/rulesets/retail-tiering/versions/3"))
            .Json(HttpStatusCode.OK);

        var contributors = copy.GetProperty("contributors").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Contains("admin", contributors);
        Assert.Contains("editor", contributors);
        Assert.DoesNotContain("approver", contributors);
    }

    [Fact]
    public async Task Re_importing_the_admins_version_as_an_editor_does_not_launder_its_authorship()
    {
        await AdminWritesVersion2();
        var editor = _app.Client("editor");
        var exported = await (await editor.GetAsync("/v1/rulesets/retail-tiering/versions/2/export"))
            .Content.ReadAsStringAsync();
        await (await editor.PostAsync("/v1/rulesets/import",
            new StringContent(exported, System.Text.Encoding.UTF8, "application/json"))).Json(HttpStatusCode.Created);
        await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/3/submit",
            new { comment = "Imported" })).Json(HttpStatusCode.OK);

        var refused = await _app.Refused("admin", "/v1/rulesets/retail-tiering/versions/3/approve",
            new { comment = "fine" }, HttpStatusCode.Forbidden);

        Assert.Contains("Four eyes", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var trail = (await _app.Read("auditor", "/v1/audit?ruleSet=retail-tiering")).Items();
        var created = trail.EnumerateArray().Last(e => e.GetProperty("action").GetString() == "draft-created");
        Assert.Equal("From version 2 (identical content)", created.GetProperty("comment").GetString());
    }

    [Theory]
    [InlineData("approve", "")]
    [InlineData("approve", "   ")]
    [InlineData("reject", "")]
    [InlineData("reject", "\t\n")]
    public async Task A_review_without_a_comment_is_refused_naming_the_comment(string step, string comment)
    {
        await _app.Post("editor", "/v1/rulesets/retail-tiering/drafts", new { from = 1 }, HttpStatusCode.Created);
        await _app.Post("editor", "/v1/rulesets/retail-tiering/versions/2/submit",
            new { comment = "same" }, HttpStatusCode.OK);

        var refused = await _app.Refused("approver", $"/v1/rulesets/retail-tiering/versions/2/{step}",
            new { comment }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("comment", refused.OnlyErrorPath());
        var version = await _app.Read("approver", "/v1/rulesets/retail-tiering/versions/2");
        Assert.Equal("submitted", version.GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_lifecycle_refuses_the_author_as_a_domain_failure_without_http()
    {
        await _app.Post("editor", "/v1/rulesets/retail-tiering/drafts", new { from = 1 }, HttpStatusCode.Created);
        var lifecycle = _app.Services.GetRequiredService<RuleSetLifecycle>();
        var draft = await lifecycle.FindAsync("retail-tiering", 2, CancellationToken.None);
        Assert.True(draft.Succeeded);
        var submitted = await lifecycle.SubmitAsync(draft.Value, "mine", null, "editor", CancellationToken.None);
        Assert.True(submitted.Succeeded);

        var review = await lifecycle.ReviewAsync(submitted.Value, true, "self-approval",
            "editor", CancellationToken.None);

        Assert.IsType<Failure.FourEyes>(review.Failure);
    }

    /// <summary>The admin drafts v2 with a change of their own and an approver publishes it.</summary>
    private async Task AdminWritesVersion2()
    {
        var admin = _app.Client("admin");
        await (await admin.PostJson("/v1/rulesets/retail-tiering/drafts",
            new { from = 1 })).Json(HttpStatusCode.Created);
        var detail = await (await admin.GetAsync("/v1/rulesets/retail-tiering/versions/2")).Json(HttpStatusCode.OK);
        var content = JsonNode.Parse(detail.GetProperty("content").GetRawText())!;
        content["description"] = "The admin's wording";
        await (await admin.PutAsJsonAsync("/v1/rulesets/retail-tiering/versions/2", content)).Json(HttpStatusCode.OK);
        await (await admin.PostJson("/v1/rulesets/retail-tiering/versions/2/submit",
            new { comment = "Reword" })).Json(HttpStatusCode.OK);
        await _app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/approve",
            new { comment = "OK" }, HttpStatusCode.OK);
    }
}
