using System.Net;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>
/// A shared database that goes away is a passing condition: tellers get 503 with Retry-After (never a 500,
/// never a decision that was not logged), and the service decides again as soon as the database is back.
/// </summary>
public sealed class StoreOutageTests
{
    private static readonly object Request = new { ruleSet = "retail-tiering",
        customer = new { customerId = "R-OUTAGE", avgDailyBalance = 1000 } };

    [Fact]
    public async Task Decisions_are_refused_with_503_while_the_database_is_unreachable_and_resume_after()
    {
        var database = DecisionsAppFixture.NewPostgresDatabase();
        await using var app = DecisionsAppFixture.Replica(database);
        app.StartServer();
        var teller = app.Client("teller");
        await (await teller.PostJson("/v1/decisions", Request)).Json(HttpStatusCode.OK);

        var name = new NpgsqlConnectionStringBuilder(database).Database!;
        await Admin(database, $"alter database {name} allow_connections false",
            $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{name}' and pid <> "
            + $"pg_backend_pid()");
        var refused = await teller.PostJson("/v1/decisions", Request);
        var problem = await refused.Problem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("The store is unavailable.", problem.GetProperty("title").GetString());
        Assert.NotNull(refused.Headers.RetryAfter);

        await Admin(database, $"alter database {name} allow_connections true");
        // Pooled connections the server closed are found broken on first use, so a client retrying on 503, as
        // Retry-After asks, gets through once the pool has replaced them.
        var answer = await teller.PostJson("/v1/decisions", Request);
        for (var attempt = 0; answer.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 10; attempt++)
        {
            answer = await teller.PostJson("/v1/decisions", Request);
        }

        var decided = await answer.Json(HttpStatusCode.OK);
        var logged = await (await app.Client("auditor")
            .GetAsync($"/v1/decisions/{decided.GetProperty("decisionId").GetString()}")).Json(HttpStatusCode.OK);
        Assert.Equal("R-OUTAGE", logged.GetProperty("customerId").GetString());
        var report = await (await app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.Equal(2, report.GetProperty("decisions").GetInt32());
    }

    // Run from the server's maintenance database, as an operator would, not from the database taken away.
    private static async Task Admin(string database, params string[] statements)
    {
        var builder = new NpgsqlConnectionStringBuilder(database) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
