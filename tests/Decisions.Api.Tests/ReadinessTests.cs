using System.Net;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>
/// Every load balancer probes <c>/readyz</c> every few seconds, so on PostgreSQL it must not read the stored
/// versions, activations or trail: with those tables locked by another session, the probe still answers at once,
/// while a request that does read them waits.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Readiness_on_PostgreSQL_answers_while_the_versions_and_the_trail_are_locked()
    {
        var database = DecisionsAppFixture.NewPostgresDatabase();
        await using var app = DecisionsAppFixture.Replica(database);
        app.StartServer();
        var probe = app.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await probe.GetAsync("/readyz")).StatusCode);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        const string lockTables = "lock table versions, activations, audit in access exclusive mode";
        await using (var command = new NpgsqlCommand(lockTables, connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var probeTime = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var ready = await probe.GetAsync("/readyz", probeTime.Token);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);

        // The lock holds: a request that reads the versions waits for it.
        using var readTime = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => app.Client("auditor").GetAsync("/v1/rulesets", readTime.Token));
        await transaction.RollbackAsync();
    }
}
