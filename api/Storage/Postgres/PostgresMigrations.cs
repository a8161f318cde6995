using Npgsql;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// Brings the schema up to date at start: the numbered scripts under <c>Migrations/</c>, each applied once,
/// in order, recorded in <c>schema_migrations</c>. An advisory lock makes replicas starting together take turns.
/// </summary>
internal static class PostgresMigrations
{
    private const long LockKey = 7_274_001;

    public static async Task ApplyAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(connection, $"select pg_advisory_xact_lock({LockKey})", cancellationToken).ConfigureAwait(false);
        await Execute(connection, "create table if not exists schema_migrations (version int primary key, name text not null, applied_at timestamptz not null default now())", cancellationToken).ConfigureAwait(false);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("select version from schema_migrations", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        foreach (var (version, name, script) in Scripts().Where(s => !applied.Contains(s.Version)))
        {
            await Execute(connection, script, cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand("insert into schema_migrations (version, name) values ($1, $2)", connection);
            record.Parameters.Add(new() { Value = version });
            record.Parameters.Add(new() { Value = name });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static IEnumerable<(int Version, string Name, string Script)> Scripts()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        const string prefix = "Decisions.Api.Storage.Postgres.Migrations.";
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            yield return (int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
