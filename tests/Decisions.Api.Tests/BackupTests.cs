using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// An operator backs up the embedded store while tellers keep deciding; the copy restores into a service whose log
/// verifies and holds exactly what the backup said. PostgreSQL is backed up with its own tools.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task A_backup_taken_under_load_restores_into_a_store_that_verifies_with_the_heads_it_named()
    {
        await using var host = new DecisionsAppFixture();
        var teller = host.Client("teller");
        var admin = host.Client("admin");
        if (DecisionsAppFixture.Store != "LiteDb")
        {
            var refused = await (await admin.PostAsync("/v1/backups", null)).Problem(HttpStatusCode.Conflict);
            Assert.Contains("pg_dump", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
            return;
        }

        for (var i = 0; i < 20; i++)
        {
            await (await teller.PostJson("/v1/decisions", Customer($"B-{i}", i))).Json(HttpStatusCode.OK);
        }

        var load = Enumerable.Range(0, 200).Select(async i =>
            (await teller.PostJson("/v1/decisions", Customer($"L-{i}", i * 1000))).StatusCode).ToList();
        var backup = await (await admin.PostAsync("/v1/backups", null)).Json(HttpStatusCode.OK);
        Assert.All(await Task.WhenAll(load), status => Assert.Equal(HttpStatusCode.OK, status));

        var decisions = backup.GetProperty("decisions").GetInt64();
        Assert.InRange(decisions, 20, 220);
        var restored = Directory.CreateTempSubdirectory("decisions-restored-").FullName;
        var file = Path.Combine(host.DataDirectory, "backups", backup.GetProperty("file").GetString()!);
        File.Copy(file, Path.Combine(restored, "decisions.db"));

        await using var copy = DecisionsAppFixture.OnLiteDbDirectory(restored);
        var report = await (await copy.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(decisions, report.GetProperty("decisions").GetInt64());
        Assert.Equal(backup.GetProperty("auditEntries").GetInt64(), report.GetProperty("auditEntries").GetInt64());
        var last = (await (await copy.Client("auditor").GetAsync("/v1/decisions?limit=1")).Json(HttpStatusCode.OK))
            .Items();
        Assert.Equal(decisions, last[0].GetProperty("sequence").GetInt64());
    }

    private static object Customer(string id, int balance) =>
        new { ruleSet = "retail-tiering", customer = new { customerId = id, avgDailyBalance = balance } };
}
