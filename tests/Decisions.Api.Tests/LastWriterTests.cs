using System.Net;

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
        var theirs = await _app.Client("editor2").SendIfMatch(HttpMethod.Put, Draft,
            await _app.Content(Draft, "editor2's"), _read);
        await theirs.Json(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromMinutes(3));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_stale_save_names_the_editor_who_saved_in_the_meantime_and_when()
    {
        var mine = await _app.Client("editor").SendIfMatch(HttpMethod.Put, Draft,
            await _app.Content(Draft, "mine"), _read);

        AssertNamesTheirSave(await mine.Problem(HttpStatusCode.PreconditionFailed));
        Assert.Equal("editor2's", (await _app.Content(Draft))["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stale_submit_names_the_editor_who_saved_in_the_meantime_and_when()
    {
        var submit = await _app.Client("editor").SendIfMatch(HttpMethod.Post, $"{Draft}/submit",
            new { comment = "go" }, _read);

        AssertNamesTheirSave(await submit.Problem(HttpStatusCode.PreconditionFailed));
        var summary = (await _app.Read("editor", Draft)).GetProperty("summary");
        Assert.Equal("draft", summary.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_last_of_several_saves_is_named()
    {
        var current = (await _app.Client("editor").GetAsync(Draft)).Headers.ETag!.Tag;
        var third = await _app.Client("editor").SendIfMatch(HttpMethod.Put, Draft,
            await _app.Content(Draft, "editor's"), current);
        await third.Json(HttpStatusCode.OK);

        var stale = await _app.Client("editor2").SendIfMatch(HttpMethod.Put, Draft,
            await _app.Content(Draft, "late"), current);

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
}
