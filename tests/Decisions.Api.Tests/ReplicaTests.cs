using System.Diagnostics;
using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// Two replicas of the service on one PostgreSQL database, as behind a load balancer: what one publishes the
/// other serves within a second, both log into one decision log that either can replay and analyse, and
/// changes made through both at once stay one verifiable trail.
/// </summary>
public sealed partial class ReplicaTests : IAsyncLifetime
{
    private readonly string _database = DecisionsAppFixture.NewPostgresDatabase();
    private DecisionsAppFixture _a = null!;
    private DecisionsAppFixture _b = null!;

    public Task InitializeAsync()
    {
        _a = DecisionsAppFixture.Replica(_database);
        _a.StartServer();
        _b = DecisionsAppFixture.Replica(_database);
        _b.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task A_version_activated_through_one_replica_is_served_by_the_other_within_a_second()
    {
        var customer = new { ruleSet = "retail-tiering",
            customer = new { customerId = "R-REPLICA", avgDailyBalance = 400000, lastTierReviewDate = "2026-03-01" } };
        var before = await (await _b.Client("teller").PostJson("/v1/decisions", customer)).Json(HttpStatusCode.OK);
        Assert.Equal("TARGET", before.GetProperty("tier").GetProperty("code").GetString());
        await _a.ApproveLowerVipThreshold();

        var clock = Stopwatch.StartNew();
        await (await _a.Client("approver")
            .PostJson("/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "via A" }))
            .Json(HttpStatusCode.OK);
        int version;
        do
        {
            var answer = await (await _b.Client("teller").PostJson("/v1/decisions", customer)).Json(HttpStatusCode.OK);
            version = answer.GetProperty("ruleSet").GetProperty("version").GetInt32();
        }
        while (version != 2 && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(2, version);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1),
            $"Replica B served version 2 after {clock.Elapsed.TotalMilliseconds:F0} ms.");
    }

    [Fact]
    public async Task Decisions_from_both_replicas_land_in_one_log_that_either_replays_and_analyses()
    {
        var made = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            var replica = i % 2 == 0 ? _a : _b;
            var answer = await (await replica.Client("teller")
                .PostJson("/v1/decisions",
                    new { ruleSet = "retail-tiering",
                        customer = new { customerId = "R-BOTH", avgDailyBalance = 1000 * i } }))
                        .Json(HttpStatusCode.OK);
            return answer.GetProperty("decisionId").GetString()!;
        }));

        foreach (var (reader, other) in new[] { (_a, _b), (_b, _a) })
        {
            var found = (await (await reader.Client("auditor").GetAsync("/v1/decisions?customerId=R-BOTH&limit=100"))
                .Json(HttpStatusCode.OK)).Items();
            Assert.Equal(made.Order(),
                found.EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()!).Order());
            var replay = await (await other.Client("auditor").PostAsync($"/v1/decisions/{made[1]}/replay", null))
                .Json(HttpStatusCode.OK);
            Assert.True(replay.GetProperty("identical").GetBoolean());
        }

        await (await _b.Client("editor").PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var impact = await (await _a.Client("editor")
            .PostJson("/v1/rulesets/retail-tiering/versions/2/impact", new { last = 1000 })).Json(HttpStatusCode.OK);
        Assert.Equal(40, impact.GetProperty("decisions").GetInt32());
    }

    [Fact]
    public async Task Two_replicas_starting_together_on_an_empty_database_seed_and_activate_each_rule_set_once()
    {
        var database = DecisionsAppFixture.NewPostgresDatabase();
        var everySeed = new Dictionary<string, string> { ["RuleSets:SeedThroughVersion"] = "2" };
        await using var first = DecisionsAppFixture.Replica(database, everySeed);
        await using var second = DecisionsAppFixture.Replica(database, everySeed);
        await Task.WhenAll(Task.Run(first.StartServer), Task.Run(second.StartServer));

        var trail = (await (await second.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK)).Items();
        var entries = trail.EnumerateArray().Select(e => (
            Action: e.GetProperty("action").GetString(), RuleSet: e.GetProperty("ruleSet").GetString()!,
            Version: e.GetProperty("version").GetInt32())).ToList();

        var seeded = entries.Where(e => e.Action == "seeded").Select(e => (e.RuleSet, e.Version)).ToList();
        var activated = entries.Where(e => e.Action == "activated").Select(e => (e.RuleSet, e.Version)).ToList();
        Assert.Contains(("retail-tiering", 2), seeded);
        Assert.Equal(seeded.Count, seeded.Distinct().Count());
        Assert.Equal(seeded.Order(), activated.Order());
        Assert.All(activated.GroupBy(a => a.RuleSet), versions => Assert.Equal(versions.Order(), versions));
    }

    [Fact]
    public async Task Changes_and_decisions_through_both_replicas_at_once_stay_one_verifiable_chain()
    {
        var drafts = new List<Task<HttpResponseMessage>>();
        foreach (var name in new[] { "retail-tiering", "corporate-tiering", "prospect-grading",
            "big-customer-revenue" })
        {
            foreach (var replica in new[] { _a, _b })
            {
                drafts.Add(replica.Client("editor").PostJson($"/v1/rulesets/{name}/drafts", new { from = 1 }));
            }
        }

        var decisions = Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? _a : _b).Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = new { customerId = $"R-{i}", avgDailyBalance = 5000 } }))
                .ToList();
        await Task.WhenAll(drafts.Concat(decisions));

        // Two replicas numbering a new draft of the same rule set at once: one wins, the other is told 409, never both.
        var statuses = drafts.Select(d => d.Result.StatusCode).ToList();
        Assert.All(statuses,
            status => Assert.Contains(status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.All(decisions, d => Assert.Equal(HttpStatusCode.OK, d.Result.StatusCode));
        var report = await (await _b.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(100, report.GetProperty("decisions").GetInt32());
        var trail = (await (await _a.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK)).Items();
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.Created),
            trail.EnumerateArray().Count(e => e.GetProperty("action").GetString() == "draft-created"));
        Assert.True(statuses.Count(s => s == HttpStatusCode.Created) >= 4);
    }
}
