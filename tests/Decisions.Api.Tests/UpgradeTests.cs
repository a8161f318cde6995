using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Decisions.Api.Storage;
using Decisions.Engine.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>
/// A store written before the block log (the fixtures under <c>TestData/upgrade</c>, written by main at d6a23f4:
/// 18 decisions, 6 versions, reviews, activations, a cancelled schedule and a rollback) keeps working after the
/// upgrade: its decisions stay readable, searchable, replayable and verifiable, and new ones chain on after them.
/// </summary>
public sealed class UpgradeTests
{
    private const int LegacyDecisions = 18;

    // big-customer-revenue v1 as main hashed it, before RFC 8785: its `1.0` was kept as written.
    private const string LegacyBigCustomerHash =
        "sha256:3e1ae83cec7ac9a63e57aa8c6772ef877bbc9118d0ee97b0c142959b20381082";
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "TestData", "upgrade");

    [Fact]
    public async Task A_store_written_before_blocks_stays_readable_searchable_replayable_and_verifiable_and_grows()
    {
        await using var app = await Upgraded();
        // The fixture was written on 2026-12-02; its activations must not lie in the host's future.
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        var auditor = app.Client("auditor");

        var before = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(before.GetProperty("intact").GetBoolean(), before.ToString());
        Assert.Equal(LegacyDecisions, before.GetProperty("decisions").GetInt32());
        Assert.Equal(6, before.GetProperty("versions").GetInt32());

        var found = (await (await auditor.GetAsync("/v1/decisions?customerId=R-0001")).Json(HttpStatusCode.OK)).Items();
        var legacy = found.EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()!).ToList();
        Assert.Equal(2, legacy.Count);
        foreach (var id in legacy)
        {
            var logged = await (await auditor.GetAsync($"/v1/decisions/{id}")).Json(HttpStatusCode.OK);
            Assert.Equal("R-0001", logged.GetProperty("customerId").GetString());
            // Logged before trace ids and callers were recorded: neither is there, and the digest never covered them.
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null),
                (logged.GetProperty("traceId").ValueKind, logged.GetProperty("caller").ValueKind));
            var replay = await (await auditor.PostAsync($"/v1/decisions/{id}/replay", null)).Json(HttpStatusCode.OK);
            Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        }

        // Every legacy answer, logged with its rule-level trace and without reasons, replays identical after
        // explanations.
        var range = await (await auditor.PostJson("/v1/decisions/replay",
            new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" }))
            .Json(HttpStatusCode.OK);
        Assert.Equal((LegacyDecisions, LegacyDecisions),
            (range.GetProperty("replayed").GetInt32(), range.GetProperty("identical").GetInt32()));

        var request = new { ruleSet = "retail-tiering",
            customer = new { customerId = "R-0001", avgDailyBalance = 700000 } };
        var added = await (await app.Client("teller").PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);
        var addedId = added.GetProperty("decisionId").GetString();
        Assert.Equal(LegacyDecisions + 1, (await (await auditor.GetAsync($"/v1/decisions/{addedId}"))
            .Json(HttpStatusCode.OK)).GetProperty("sequence").GetInt64());

        var after = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(after.GetProperty("intact").GetBoolean(), after.ToString());
        Assert.Equal(LegacyDecisions + 1, after.GetProperty("decisions").GetInt32());
        var both = (await (await auditor.GetAsync("/v1/decisions?customerId=R-0001")).Json(HttpStatusCode.OK)).Items();
        Assert.Equal([added.GetProperty("decisionId").GetString()!, .. legacy],
            both.EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()!));

        // Paging crosses from the blocks into the older per-decision entries without a gap or a repeat.
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var sequences = new List<long>();
        await foreach (var page in log.PagesAsync(new DecisionQuery(Limit: 1_000), 4, CancellationToken.None))
        {
            Assert.Empty(page.Unreadable);
            sequences.AddRange(page.Decisions.Select(d => d.Sequence));
        }

        Assert.Equal(Enumerable.Range(1, LegacyDecisions + 1).Reverse().Select(i => (long)i), sequences);
    }

    [Fact]
    public async Task A_version_hashed_before_jcs_keeps_its_hash_verifies_and_its_old_rows_read_through_the_api_shape()
    {
        await using var app = await Upgraded();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero));
        var auditor = app.Client("auditor");
        var version = await app.Read("auditor", "/v1/rulesets/big-customer-revenue/versions/1");
        var stored = version.GetProperty("summary").GetProperty("hash").GetString();
        Assert.Equal(LegacyBigCustomerHash, stored);
        var content = RuleSetJson.Parse(version.GetProperty("content").GetRawText()).RuleSet!;
        Assert.NotEqual(LegacyBigCustomerHash, RuleSetJson.Hash(content));

        var customer = new { customerId = "B-1", annualRevenue = 900000, cityGroup = 1 };
        var decided = await app.Post("teller", "/v1/decisions",
            new { ruleSet = "big-customer-revenue", customer }, HttpStatusCode.OK);
        Assert.Equal(stored, decided.GetProperty("ruleSet").GetProperty("hash").GetString());
        var id = decided.GetProperty("decisionId").GetString();
        var replay = await (await auditor.PostAsync($"/v1/decisions/{id}/replay", null)).Json(HttpStatusCode.OK);
        Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        var verified = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());

        // Trail entries and activations stored in the old shape come out in the API's own, camelCase, shape.
        var first = (await app.Read("auditor", "/v1/audit?limit=1")).Items()[0];
        Assert.Equal(
            ("seeded", "big-customer-revenue", LegacyBigCustomerHash),
            (first.GetProperty("action").GetString(), first.GetProperty("ruleSet").GetString(),
                first.GetProperty("contentHash").GetString()));
        var active = await app.Read("auditor", "/v1/audit/active/big-customer-revenue?at=2026-12-03T00:00:00Z");
        Assert.Equal(
            ("activate", 1), (active.GetProperty("kind").GetString(), active.GetProperty("version").GetInt32()));
    }

    private static async Task<DecisionsAppFixture> Upgraded()
    {
        if (DecisionsAppFixture.Store != "Postgres")
        {
            var directory = Directory.CreateTempSubdirectory("decisions-upgrade-").FullName;
            File.Copy(Path.Combine(Fixtures, "legacy.litedb"), Path.Combine(directory, "decisions.db"));
            return DecisionsAppFixture.OnLiteDbDirectory(directory);
        }

        var database = DecisionsAppFixture.NewPostgresDatabase();
        await Restore(database, Path.Combine(Fixtures, "legacy-postgres.sql"));
        return DecisionsAppFixture.Replica(database);
    }

    // The dump is psql's format (COPY blocks, meta-commands), restored as an operator would, with psql.
    private static async Task Restore(string connectionString, string dump)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var port = target.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var psql = new ProcessStartInfo("psql", ["-q", "-v", "ON_ERROR_STOP=1", "-h", target.Host!, "-p", port,
            "-U", target.Username!, "-d", target.Database!, "-f",
            dump]) { RedirectStandardError = true, RedirectStandardOutput = true };
        psql.Environment["PGPASSWORD"] = target.Password;
        using var process = Process.Start(psql)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await errors);
    }
}
