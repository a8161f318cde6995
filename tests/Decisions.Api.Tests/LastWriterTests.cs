using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Decisions.Api.Tests;

/// <summary>
/// A refused save or submit names, from the trail, who saved the draft after the client read it and when, so
/// the person refused knows whose work they are about to reapply theirs onto (either store).
/// </summary>
public sealed class LastWriterTests : IAsyncLifetime
{
    private const string Draft = "/v1/rulesets/retail-tiering/versions/2";
    private static readonly DateTimeOffset TheirSave = new(2026, 6, 15, 9, 30, 5, TimeSpan.Zero);
    private readonly DecisionsAppFixture _app = new();
    private string _read = "";

    public async Task InitializeAsync()
    {
        await _app.Post("editor", "/v1/rulesets/retail-tiering/drafts", new { from = 1 }, HttpStatusCode.Created);
        _read = (await _app.Client("editor").GetAsync(Draft)).Headers.ETag!.Tag;
        _app.Clock.SetUtcNow(TheirSave);
        var theirs = await Send(_app.Client("editor2"), HttpMethod.Put, Draft, await Content("editor2's"), _read);
        await theirs.Json(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_stale_save_names_the_editor_who_saved_in_the_meantime_and_when()
    {
        var mine = await Send(_app.Client("editor"), HttpMethod.Put, Draft, await Content("mine"), _read);

        AssertNamesTheirSave(await mine.Problem(HttpStatusCode.PreconditionFailed));
        Assert.Equal("editor2's", (await Content(null))["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_submit_names_the_editor_who_saved_in_the_meantime_and_when()
    {
        var submit = await Send(_app.Client("editor"), HttpMethod.Post, $"{Draft}/submit", new { comment = "go" }, _read);

        AssertNamesTheirSave(await submit.Problem(HttpStatusCode.PreconditionFailed));
        var summary = (await _app.Read("editor", Draft)).GetProperty("summary");
        Assert.Equal("draft", summary.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_last_of_several_saves_is_named()
    {
        var current = (await _app.Client("editor").GetAsync(Draft)).Headers.ETag!.Tag;
        var third = await Send(_app.Client("editor"), HttpMethod.Put, Draft, await Content("editor's"), current);
        await third.Json(HttpStatusCode.OK);

        var stale = await Send(_app.Client("editor2"), HttpMethod.Put, Draft, await Content("late"), current);

        var problem = await stale.Problem(HttpStatusCode.PreconditionFailed);
        Assert.Equal("editor", problem.GetProperty("savedBy").GetString());
        Assert.StartsWith("editor saved this draft at 2026-06-15T09:33:05Z after the version you read.",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static void AssertNamesTheirSave(System.Text.Json.JsonElement problem)
    {
        Assert.StartsWith("editor2 saved this draft at 2026-06-15T09:30:05Z after the version you read.",
            problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("editor2", problem.GetProperty("savedBy").GetString());
        Assert.Equal(TheirSave, problem.GetProperty("savedAt").GetDateTimeOffset());
    }

    private async Task<JsonObject> Content(string? description)
    {
        var detail = await _app.Read("editor", Draft);
        var content = JsonNode.Parse(detail.GetProperty("content").GetRawText())!.AsObject();
        if (description is not null)
        {
            content["description"] = description;
        }

        return content;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body,
        string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
