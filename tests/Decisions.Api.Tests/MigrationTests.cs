using Decisions.Api.Storage.Postgres;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>
/// On the real PostgreSQL: each applied script is recorded with its SHA-256, a script edited after it was applied
/// stops the start with its name, and a database migrated before checksums were kept gets them and starts.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task A_script_edited_after_it_was_applied_is_refused_by_name_and_the_service_does_not_start()
    {
        var database = DecisionsAppFixture.NewPostgresDatabase();
        await using var source = NpgsqlDataSource.Create(database);
        await PostgresMigrations.ApplyAsync(source, CancellationToken.None);
        var shipped = PostgresMigrations.Scripts();
        var edited = shipped.Select(s => s.Version == 3 ? s with { Sql = s.Sql + "\n-- tidied up" } : s).ToList();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(
            () => PostgresMigrations.ApplyAsync(source, edited, CancellationToken.None));

        Assert.StartsWith($"Migration {shipped[2].Name} was edited after it was applied", refused.Message,
            StringComparison.Ordinal);
        Assert.Contains(shipped[2].Checksum, refused.Message, StringComparison.Ordinal);
        Assert.Equal(shipped[2].Checksum, new Migration(3, "x", shipped[2].Sql.ReplaceLineEndings("\r\n")).Checksum);
        await PostgresMigrations.ApplyAsync(source, CancellationToken.None);

        await Sql(source, "update schema_migrations set checksum = 'edited' where version = 2");
        await using var app = DecisionsAppFixture.Replica(database);
        var failed = Assert.ThrowsAny<Exception>(app.StartServer);
        Assert.Contains($"Migration {shipped[1].Name} was edited after it was applied", failed.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_migrated_before_checksums_were_kept_gets_them_and_starts()
    {
        var database = DecisionsAppFixture.NewPostgresDatabase();
        await using var source = NpgsqlDataSource.Create(database);
        await PostgresMigrations.ApplyAsync(source, CancellationToken.None);
        await Sql(source, "alter table schema_migrations drop column checksum");

        await using var app = DecisionsAppFixture.Replica(database);
        app.StartServer();

        await using var command = source.CreateCommand("select name, checksum from schema_migrations order by version");
        await using var reader = await command.ExecuteReaderAsync();
        var recorded = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            recorded.Add((reader.GetString(0), reader.GetString(1)));
        }

        Assert.Equal(PostgresMigrations.Scripts().Select(s => (s.Name, s.Checksum)), recorded);
    }

    private static async Task Sql(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
