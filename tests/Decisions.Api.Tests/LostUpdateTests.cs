using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Decisions.Api.Tests;

/// <summary>
/// Two editors on one draft: versions carry their content hash as an ETag, PUT and submit honour If-Match, and
/// every conflict, however many requests race, is a 409 or 412 problem and never a 500 or a lost write.
/// </summary>
public sealed class LostUpdateTests : IAsyncLifetime
{
    private const string Draft = "/v1/rulesets/retail-tiering/versions/2";
    private readonly DecisionsAppFixture _app = new();

    public async Task InitializeAsync() =>
        await _app.Post("editor", "/v1/rulesets/retail-tiering/drafts", new { from = 1 }, HttpStatusCode.Created);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_version_carries_its_content_hash_as_etag_on_read_create_and_save()
    {
        var read = await _app.Client("editor").GetAsync(Draft);
        var body = await read.Json(HttpStatusCode.OK);
        var created = await _app.Client("editor").PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 });
        var saved = await _app.Client("editor").PutAsJsonAsync(Draft, await _app.Content(Draft, "edited"));

        Assert.Equal($"\"{body.GetProperty("summary").GetProperty("hash").GetString()}\"", read.Headers.ETag?.Tag);
        Assert.Equal($"\"{(await created.Json(HttpStatusCode.Created)).GetProperty("hash").GetString()}\"",
            created.Headers.ETag?.Tag);
        Assert.Equal($"\"{(await saved.Json(HttpStatusCode.OK)).GetProperty("hash").GetString()}\"",
            saved.Headers.ETag?.Tag);
        Assert.NotEqual(read.Headers.ETag, saved.Headers.ETag);
    }

    [Fact]
    public async Task The_second_editor_saving_an_older_read_gets_412_and_the_first_edit_stays()
    {
        var first = _app.Client("editor");
        var second = _app.Client("editor2");
        var etag = (await first.GetAsync(Draft)).Headers.ETag!.Tag;

        var won = await first.SendIfMatch(HttpMethod.Put, Draft, await _app.Content(Draft, "first editor"), etag);
        var lost = await second.SendIfMatch(HttpMethod.Put, Draft, await _app.Content(Draft, "second editor"), etag);

        await won.Json(HttpStatusCode.OK);
        var problem = await lost.Problem(HttpStatusCode.PreconditionFailed);
        Assert.Contains("If-Match", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("first editor", (await _app.Content(Draft)).GetValue("description"));
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("\"sha256:0000\"")]
    [InlineData("W/\"sha256:0000\"")]
    public async Task A_bogus_if_match_is_412_on_save_and_submit(string ifMatch)
    {
        var save = await _app.Client("editor").SendIfMatch(HttpMethod.Put, Draft,
            await _app.Content(Draft, "changed"), ifMatch);
        using var submit = new HttpRequestMessage(HttpMethod.Post, $"{Draft}/submit")
        {
            Content = JsonContent.Create(new { comment = "go" }),
        };
        submit.Headers.TryAddWithoutValidation("If-Match", ifMatch);

        await save.Problem(HttpStatusCode.PreconditionFailed);
        await (await _app.Client("editor").SendAsync(submit)).Problem(HttpStatusCode.PreconditionFailed);
        var draft = await _app.Read("editor", Draft);
        Assert.Equal("draft", draft.GetProperty("summary").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Thirty_racing_saves_and_submits_answer_only_200_409_or_412_and_keep_one_whole_write()
    {
        var etag = (await _app.Client("editor").GetAsync(Draft)).Headers.ETag!.Tag;
        var original = (await _app.Content(Draft)).GetValue("description");
        var contents = new List<JsonObject>();
        for (var i = 0; i < 20; i++)
        {
            contents.Add(await _app.Content(Draft, $"race {i}"));
        }

        var saves = contents.Select((content, i) =>
            i % 2 == 0
                ? _app.Client("editor").SendIfMatch(HttpMethod.Put, Draft, content, etag)
                : _app.Client("editor2").PutAsJsonAsync(Draft, content));
        var submits = Enumerable.Range(0, 10)
            .Select(_ => _app.Client("editor").PostJson($"{Draft}/submit", new { comment = "double click" }));
        var statuses = (await Task.WhenAll(saves.Concat(submits))).Select(r => r.StatusCode).ToList();

        HttpStatusCode[] expected = [HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed];
        Assert.All(statuses, s => Assert.Contains(s, expected));
        var written = contents.Select(c => c["description"]!.GetValue<string>()).Append(original);
        Assert.Contains((await _app.Content(Draft)).GetValue("description"), written);
        var verify = await _app.Read("auditor", "/v1/audit/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task A_double_click_on_submit_is_one_200_and_one_409()
    {
        var clicks = await Task.WhenAll(Enumerable.Range(0, 2)
            .Select(_ => _app.Client("editor").PostJson($"{Draft}/submit", new { comment = "Submit for review" })));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], clicks.Select(c => c.StatusCode).Order());
        await clicks.Single(c => c.StatusCode == HttpStatusCode.Conflict).Problem(HttpStatusCode.Conflict);
    }
}

file static class JsonObjectExtensions
{
    public static string? GetValue(this JsonObject content, string property) => content[property]?.GetValue<string>();
}
