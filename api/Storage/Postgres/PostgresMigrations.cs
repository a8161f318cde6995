using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// Brings the schema up to date at start: the numbered scripts under <c>Migrations/</c>, each applied once,
/// in order, recorded in <c>schema_migrations</c> with the SHA-256 of its text. A script whose text no longer matches
/// what was applied stops the start: the database was built by other SQL than the build now ships, so what the
/// scripts say about it can no longer be trusted. An advisory lock makes replicas starting together take turns.
/// </summary>
internal static class PostgresMigrations
{
    private const long LockKey = 7_274_001;

    public static Task ApplyAsync(NpgsqlDataSource source, CancellationToken cancellationToken) =>
        ApplyAsync(source, Scripts(), cancellationToken);

    /// <summary>Applies <paramref name="scripts"/>; tests pass an edited list to see an edit refused.</summary>
    internal static async Task ApplyAsync(
        NpgsqlDataSource source, IReadOnlyList<Migration> scripts, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Task<int> Run(string sql, params object[] values) =>
            PostgresStore.Execute(connection, sql, cancellationToken, values);
        await Run($"select pg_advisory_xact_lock({LockKey})").ConfigureAwait(false);
        await Run("create table if not exists schema_migrations (version int primary key, name text not null, " +
            "applied_at timestamptz not null default now())").ConfigureAwait(false);
        // Databases migrated before checksums were kept get the column, and each applied script's checksum once.
        await Run("alter table schema_migrations add column if not exists checksum text").ConfigureAwait(false);

        var applied = await AppliedAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var script in scripts.Where(s => applied.ContainsKey(s.Version)))
        {
            var (name, checksum) = applied[script.Version];
            if (checksum is null)
            {
                await Run("update schema_migrations set checksum = $2 where version = $1",
                    script.Version, script.Checksum)
                    .ConfigureAwait(false);
            }
            else if (checksum != script.Checksum)
            {
                throw new InvalidOperationException(
                    $"Migration {script.Name} was edited after it was applied to this database (applied as {name}, " +
                    $"SHA-256 {checksum}; this build's script has SHA-256 {script.Checksum}). An applied migration " +
                    "never changes: restore it as it was applied and put the change in a new numbered script. " +
                    "The service does not start on this schema.");
            }
        }

        foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Version)))
        {
            await Run(script.Sql).ConfigureAwait(false);
            await Run("insert into schema_migrations (version, name, checksum) values ($1, $2, $3)",
                script.Version, script.Name, script.Checksum).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scripts this build ships, in order.</summary>
    internal static IReadOnlyList<Migration> Scripts()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
        const string prefix = "Decisions.Api.Storage.Postgres.Migrations.";
        var scripts = new List<Migration>();
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal));
        foreach (var resource in resources.Order(StringComparer.Ordinal))
        {
            var name = resource[prefix.Length..];
            var version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)),
                CultureInfo.InvariantCulture);
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        return scripts;
    }

    private static async Task<Dictionary<int, (string Name, string? Checksum)>> AppliedAsync(
        NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string?)>();
        await using var command =
            new NpgsqlCommand("select version, name, checksum from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }

        return applied;
    }
}

/// <summary>
/// One numbered script; its checksum is over the text with line ends as LF, so a CRLF checkout matches.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    // Computed, not stored: a copy made with `with { Sql = ... }` must not keep the original's checksum.
    public string Checksum =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
