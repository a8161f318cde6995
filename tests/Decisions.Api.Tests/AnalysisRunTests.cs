using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// Replay of a range and impact as long-running operations: started with 202 and a Location, polled for progress
/// up to 100%, cancelled with DELETE, seen by their owner only, and within the analysis limits.
/// </summary>
public sealed class AnalysisRunTests
{
    private const string Replay = "/v1/decisions/replay/runs";
    private const string Impact = "/v1/rulesets/retail-tiering/versions/2/impact/runs";
    private static readonly object WholeRange = new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" };

    [Fact]
    public async Task A_replay_run_reports_growing_progress_up_to_100_percent_and_its_summary()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> { [
            "Limits:Analysis:PageSize"] = "10" });
        await Decide(app, 300);
        var auditor = app.Client("auditor");

        var (status, percents) = await Finish(auditor, await Start(auditor, Replay, WholeRange));

        Assert.Equal("succeeded", status.GetProperty("state").GetString());
        Assert.Equal(300, status.GetProperty("read").GetInt64());
        Assert.Equal(100, status.GetProperty("percent").GetDouble());
        Assert.Equal(percents.Order(), percents);
        var summary = status.GetProperty("replay");
        Assert.Equal((300, 300),
            (summary.GetProperty("replayed").GetInt32(), summary.GetProperty("identical").GetInt32()));
        Assert.Equal(JsonValueKind.Null, status.GetProperty("impact").ValueKind);
    }

    [Fact]
    public async Task Deleting_a_run_stops_it_before_the_end_and_frees_its_place_within_the_limits()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string>
        {
            ["Limits:Analysis:PageSize"] = "10", ["Limits:Analysis:RunsPerKey"] = "1",
        });
        await Decide(app, 3_000);
        var auditor = app.Client("auditor");

        var location = await Start(auditor, Replay, WholeRange);
        var busy = await auditor.PostJson(Replay, WholeRange);
        await busy.Problem(HttpStatusCode.TooManyRequests);
        Assert.NotNull(busy.Headers.RetryAfter);
        var running = await (await auditor.GetAsync(location)).Json(HttpStatusCode.OK);
        var cancelled = await (await auditor.DeleteAsync(location)).Json(HttpStatusCode.OK);

        Assert.Equal("running", running.GetProperty("state").GetString());
        Assert.True(running.GetProperty("percent").GetDouble() < 100, running.ToString());
        Assert.Equal("cancelled", cancelled.GetProperty("state").GetString());
        Assert.True(cancelled.GetProperty("read").GetInt64() < 3_000, cancelled.ToString());
        Assert.Equal(JsonValueKind.Null, cancelled.GetProperty("replay").ValueKind);
        var (again, _) = await Finish(auditor, await Start(auditor, Replay, WholeRange));
        Assert.Equal(3_000, again.GetProperty("read").GetInt64());
    }

    [Fact]
    public async Task Only_the_key_that_started_a_run_sees_or_cancels_it()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, 3);
        var location = await Start(app.Client("auditor"), Replay, WholeRange);

        await (await app.Client("admin").GetAsync(location)).Problem(HttpStatusCode.NotFound);
        await (await app.Client("admin").DeleteAsync(location)).Problem(HttpStatusCode.NotFound);
        await (await app.Client("auditor").GetAsync("/v1/analysis-runs/no-such-run")).Problem(HttpStatusCode.NotFound);
        await (await app.Client("editor").PostJson(Replay, WholeRange)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(3, (await Finish(app.Client("auditor"), location)).Status.GetProperty("read").GetInt64());

        // Once its run is over (while it runs, the key's one analysis permit answers 429 first).
        await (await app.Client("auditor")
            .PostJson(Replay, new { from = "2027-01-01T00:00:00Z", to = "2026-01-01T00:00:00Z" }))
            .Problem(HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_limit_stops_a_replay_after_that_many_of_the_most_recent_decisions()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, 5);
        var auditor = app.Client("auditor");
        var limited = new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z", limit = 3 };

        var answered = await app.Post("auditor", "/v1/decisions/replay", limited, HttpStatusCode.OK);
        var (run, _) = await Finish(auditor, await Start(auditor, Replay, limited));

        Assert.Equal((3, 3),
            (answered.GetProperty("replayed").GetInt32(), answered.GetProperty("identical").GetInt32()));
        Assert.Equal((3, 3),
            (run.GetProperty("replay").GetProperty("replayed").GetInt32(), run.GetProperty("read").GetInt32()));
    }

    [Fact]
    public async Task An_impact_run_gives_an_editor_the_same_suppressed_report_as_the_synchronous_answer()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, 12);
        await app.ApproveLowerVipThreshold();
        var editor = app.Client("editor");

        var (status, _) = await Finish(editor, await Start(editor, Impact, new { }));
        var answered = await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/2/impact", new { }))
            .Json(HttpStatusCode.OK);

        Assert.Equal("impact", status.GetProperty("kind").GetString());
        Assert.Equal(answered.GetRawText(), status.GetProperty("impact").GetRawText());
        Assert.Equal(10, answered.GetProperty("suppressedBelow").GetInt32());
        Assert.Equal(12, answered.GetProperty("customers").GetInt32());
    }

    /// <summary>Customers R-0 … R-(n-1), each decided once, a batch of up to 1,000 at a time.</summary>
    internal static async Task Decide(DecisionsAppFixture app, int count)
    {
        for (var first = 0; first < count; first += 1_000)
        {
            var customers = Enumerable.Range(first, Math.Min(1_000, count - first))
                .Select(i => new { customerId = $"R-{i}", avgDailyBalance = 350_000 + i }).ToArray();
            await app.Post("teller", "/v1/decisions/batch",
                new { ruleSet = "retail-tiering", customers }, HttpStatusCode.OK);
        }
    }

    internal static async Task<string> Start(HttpClient client, string url, object body)
    {
        var response = await client.PostJson(url, body);
        var status = await response.Json(HttpStatusCode.Accepted);
        var location = response.Headers.Location!.ToString();
        Assert.Equal($"/v1/analysis-runs/{status.GetProperty("id").GetString()}", location);
        return location;
    }

    /// <summary>Polls a run until it ends; the percents it reported on the way.</summary>
    internal static async Task<(JsonElement Status, List<double> Percents)> Finish(HttpClient client, string location)
    {
        var percents = new List<double>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var status = await (await client.GetAsync(location)).Json(HttpStatusCode.OK);
            percents.Add(status.GetProperty("percent").GetDouble());
            if (status.GetProperty("state").GetString() != "running" || DateTime.UtcNow > deadline)
            {
                return (status, percents);
            }

            await Task.Delay(5);
        }
    }
}
