using System.Net;
using System.Text.Json.Nodes;
using Decisions.Cli;

namespace Decisions.Api.Tests;

/// <summary>
/// <c>decisions push</c> against the real service: a file becomes a draft (or replaces one under <c>If-Match</c>),
/// and each refusal is printed with its problems and exits with its class: invalid 1, usage 2, auth 3, conflict 4,
/// not found 5, unreachable 6.
/// </summary>
public sealed class CliPushTests : IAsyncLifetime
{
    private readonly DecisionsAppFixture _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string Seed(string relativePath) =>
        Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets", relativePath);

    [Fact]
    public async Task A_file_becomes_the_next_draft_and_its_etag_is_printed()
    {
        var run = await Push(Seed("retail-tiering/v2.json"), "--api-key", DecisionsAppFixture.Keys["editor"]);

        Assert.True(run.Code == 0, run.Error);
        var read = await _app.Client("editor").GetAsync("/v1/rulesets/retail-tiering/versions/2");
        var version = await read.Json(HttpStatusCode.OK);
        Assert.Equal("draft", version.GetProperty("summary").GetProperty("status").GetString());
        Assert.Equal($"Created version 2 (draft)\nETag: {read.Headers.ETag}\n", run.Output);
    }

    [Fact]
    public async Task The_url_and_key_come_from_the_environment_when_not_given()
    {
        var environment = new Dictionary<string, string>
        {
            ["DECISIONS_URL"] = _app.Anonymous().BaseAddress!.ToString(),
            ["DECISIONS_API_KEY"] = DecisionsAppFixture.Keys["editor"],
        };

        var run = await Run(environment, "push", Seed("corporate-tiering/v2.json"));

        Assert.True(run.Code == 0, run.Error);
        Assert.StartsWith("Created version 2 (draft)\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_replaced_under_if_match_and_a_stale_etag_is_a_conflict()
    {
        var editor = DecisionsAppFixture.Keys["editor"];
        var created = await Push(Seed("retail-tiering/v2.json"), "--api-key", editor);
        var etag = created.Output.Split("ETag: ")[1].TrimEnd('\n');
        var edited = Copy("retail-tiering/v2.json",
            json => json["description"] = "Edited in the product team's repository.");

        var saved = await Push(edited, "--api-key", editor, "--draft", "2", "--if-match", etag);
        var stale = await Push(Seed("retail-tiering/v2.json"), "--api-key", editor, "--draft", "2", "--if-match", etag);

        Assert.True(saved.Code == 0, saved.Error);
        Assert.StartsWith("Saved version 2 (draft)\n", saved.Output, StringComparison.Ordinal);
        Assert.Equal(4, stale.Code);
        Assert.StartsWith("decisions: push refused: 412 ", stale.Error, StringComparison.Ordinal);
        Assert.Contains("If-Match", stale.Error, StringComparison.Ordinal);
        var content = await _app.Read("editor", "/v1/rulesets/retail-tiering/versions/2");
        var description = content.GetProperty("content").GetProperty("description").GetString();
        Assert.Equal("Edited in the product team's repository.", description);
    }

    [Fact]
    public async Task Replacing_a_published_version_is_a_conflict_and_an_unknown_one_not_found()
    {
        var editor = DecisionsAppFixture.Keys["editor"];

        var published = await Push(Seed("retail-tiering/v1.json"), "--api-key", editor, "--draft", "1");
        var unknown = await Push(Seed("retail-tiering/v1.json"), "--api-key", editor, "--draft", "99");

        Assert.Equal(4, published.Code);
        Assert.StartsWith("decisions: push refused: 409 ", published.Error, StringComparison.Ordinal);
        Assert.Equal(5, unknown.Code);
        Assert.StartsWith("decisions: push refused: 404 ", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Content_the_service_refuses_is_printed_with_each_problem_path_and_exits_1()
    {
        var broken = Copy("prospect-grading/v2.json", json => json["tiers"]!["rules"]![0]!["whenn"] = "true");

        var run = await Push(broken, "--api-key", DecisionsAppFixture.Keys["editor"]);

        Assert.Equal(1, run.Code);
        Assert.StartsWith("decisions: push refused: 422 ", run.Error, StringComparison.Ordinal);
        Assert.Contains("\n  The content is not a valid rule-set file.\n", run.Error, StringComparison.Ordinal);
        Assert.Contains("  tiers.rules[0].whenn: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("teller")]
    [InlineData("nobody")]
    public async Task A_key_without_the_editor_role_or_no_key_the_service_knows_exits_3(string who)
    {
        var key = DecisionsAppFixture.Keys.GetValueOrDefault(who, "not-a-key-the-service-knows");

        var run = await Push(Seed("retail-tiering/v2.json"), "--api-key", key);

        Assert.Equal(3, run.Code);
        Assert.Matches("^decisions: push refused: 40[13] ", run.Error);
    }

    [Fact]
    public async Task An_unreachable_service_exits_6_a_missing_key_or_draft_number_2()
    {
        // Port 5269 is in this suite's range and nothing listens there during the tests.
        var unreachable = await Run(new Dictionary<string, string>(), "push", Seed("retail-tiering/v2.json"),
            "--url", "http://127.0.0.1:5269", "--api-key", "any");
        var keyless = await Run(
            new Dictionary<string, string>(), "push", Seed("retail-tiering/v2.json"), "--url", "http://127.0.0.1:5269");
        var guardAlone = await Push(Seed("retail-tiering/v2.json"), "--api-key", "any", "--if-match", "\"sha256:00\"");

        Assert.Equal(6, unreachable.Code);
        Assert.StartsWith("decisions: cannot reach http://127.0.0.1:5269/", unreachable.Error,
            StringComparison.Ordinal);
        Assert.Equal(2, keyless.Code);
        Assert.Contains("DECISIONS_API_KEY", keyless.Error, StringComparison.Ordinal);
        Assert.Equal(2, guardAlone.Code);
        Assert.Equal("decisions: --if-match guards a replaced draft: give --draft N with it.\n", guardAlone.Error);
    }

    private Task<(int Code, string Output, string Error)> Push(string file, params string[] options) =>
        Run(new Dictionary<string, string>(),
            ["push", file, "--url", _app.Anonymous().BaseAddress!.ToString(), .. options]);

    private static async Task<(int Code, string Output, string Error)> Run(
        IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new ToolContext(output, error, name => environment.GetValueOrDefault(name), TimeProvider.System);
        var code = await DecisionsTool.RunAsync(args, context);
        return (code, output.ToString(), error.ToString());
    }

    private static string Copy(string seed, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(Seed(seed)))!.AsObject();
        edit(json);
        var path = Path.Combine(Directory.CreateTempSubdirectory("decisions-cli-").FullName, Path.GetFileName(seed));
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
