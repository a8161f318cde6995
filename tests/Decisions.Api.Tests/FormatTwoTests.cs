using System.Net;
using System.Net.Http.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A format-2 version goes through the ordinary lifecycle; its decisions list their missing inputs and replay
/// identically, and version 1 still decides and says what it did, without the new field.
/// </summary>
public sealed class FormatTwoTests : IAsyncLifetime
{
    private static readonly object NewCustomer = new { customerId = "new-1", avgDailyBalance = 0 };

    private readonly DecisionsAppFixture _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_format_2_version_decides_an_absent_input_as_unknown_and_both_versions_replay_identically()
    {
        var teller = _app.Client("teller");
        var before = await (await teller.PostJson("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = NewCustomer })).Json(HttpStatusCode.OK);
        var admin = _app.Client("admin");
        var approver = _app.Client("approver");
        var draft = await (await admin.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        var content = await LifecycleTests.Content(admin, version);
        content["format"] = 2;
        await (await admin.PutAsJsonAsync($"/v1/rulesets/retail-tiering/versions/{version}", content))
            .Json(HttpStatusCode.OK);
        await (await admin.PostJson($"/v1/rulesets/retail-tiering/versions/{version}/submit",
            new { comment = "FEEL nulls" })).Json(HttpStatusCode.OK);
        await (await approver.PostJson($"/v1/rulesets/retail-tiering/versions/{version}/approve",
            new { comment = "ok" })).Json(HttpStatusCode.OK);
        await (await approver.PostJson($"/v1/rulesets/retail-tiering/versions/{version}/activate",
            new { comment = "go" })).Json(HttpStatusCode.OK);

        var now = await (await teller.PostJson("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = NewCustomer })).Json(HttpStatusCode.OK);

        Assert.Equal("MASS", now.GetProperty("tier").GetProperty("code").GetString());
        Assert.Contains("customer.monthlyTransactions",
            now.GetProperty("missingInputs").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("NEGATIVE", before.GetProperty("tier").GetProperty("code").GetString());
        Assert.False(before.TryGetProperty("missingInputs", out _));
        foreach (var decision in new[] { now, before })
        {
            var id = decision.GetProperty("decisionId").GetString();
            var replay = await (await _app.Client("auditor").PostAsync($"/v1/decisions/{id}/replay", null))
                .Json(HttpStatusCode.OK);
            Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        }
    }

    [Fact]
    public async Task A_draft_of_an_unknown_format_is_refused_at_its_path()
    {
        var editor = _app.Client("editor");
        var draft = await (await editor.PostJson("/v1/rulesets/prospect-grading/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        var content = await LifecycleTests.Content(editor, version, "prospect-grading");
        content["format"] = 3;
        await (await editor.PutAsJsonAsync($"/v1/rulesets/prospect-grading/versions/{version}", content))
            .Json(HttpStatusCode.OK);

        var submit = await (await editor.PostJson($"/v1/rulesets/prospect-grading/versions/{version}/submit",
            new { comment = "try" }))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(submit.GetProperty("errors").EnumerateArray(),
            p => p.GetProperty("path").GetString() == "format");
    }
}
