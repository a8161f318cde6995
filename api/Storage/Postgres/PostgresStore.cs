using System.Text.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// The PostgreSQL store, shared by any number of replicas. Each change is one transaction that locks the
/// head of the chain it extends, so the change trail and the decision log each stay one verifiable sequence
/// under concurrent writers. A commit returns after PostgreSQL has flushed its WAL (synchronous_commit on).
/// </summary>
public sealed partial class PostgresStore : IRuleSetStore, IDecisionLog, IAuditTrail, IBlockStore, IAsyncDisposable
{
    private const string AuditChain = "audit";
    private readonly NpgsqlDataSource _source;

    public PostgresStore(IOptions<PostgresOptions> options)
    {
        _source = NpgsqlDataSource.Create(options.Value.ConnectionString);
        // The service cannot do anything before its schema exists; migrating in the constructor keeps start-up in
        // order.
        PostgresMigrations.ApplyAsync(_source, CancellationToken.None).GetAwaiter().GetResult();
        _writer = new DecisionWriter(this, options.Value.MaxBatch);
    }

    public async Task<IReadOnlyList<RuleSetVersionRecord>> ListAsync(CancellationToken cancellationToken) =>
        await Records<RuleSetVersionRecord>("select record from versions order by name, version", cancellationToken)
            .ConfigureAwait(false);

    public async Task<RuleSetVersionRecord?> GetAsync(string name, int version, CancellationToken cancellationToken) =>
        (await Records<RuleSetVersionRecord>("select record from versions where name = $1 and version = $2",
            cancellationToken, name, version).ConfigureAwait(false)).SingleOrDefault();

    public async Task<IReadOnlyList<Activation>> ActivationsAsync(CancellationToken cancellationToken) =>
        await Records<Activation>("select record from activations order by seq", cancellationToken)
            .ConfigureAwait(false);

    public async Task<long> ChangeStampAsync(CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("select seq from chain_heads where name = 'audit'");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async Task SaveAsync(RuleSetVersionRecord record, RuleSetVersionRecord? expected, AuditDraft audit,
        CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var json = JsonSerializer.Serialize(record);
        var changed = expected is null
            ? await Execute(connection,
                "insert into versions (name, version, status, hash, record) values ($1, $2, $3, $4, $5) "
                + "on conflict do nothing", cancellationToken,
                record.Name, record.Version, record.Status.ToString(), record.Hash, json).ConfigureAwait(false)
            : await Execute(connection,
                "update versions set status = $3, hash = $4, record = $5 "
                + "where name = $1 and version = $2 and status = $6 and hash = $7", cancellationToken,
                record.Name, record.Version, record.Status.ToString(), record.Hash, json,
                expected.Status.ToString(), expected.Hash).ConfigureAwait(false);
        if (changed != 1)
        {
            throw new ConcurrencyException(
                $"Version {record.Version} of '{record.Name}' was changed by another request.");
        }

        await AppendAuditAsync(connection, audit, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public async Task<Activation> ActivateAsync(Activation activation, AuditDraft audit,
        CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // The trail's head is locked first: activations from every replica take turns, so their sequence has no gaps.
        await AppendAuditAsync(connection, audit, cancellationToken).ConfigureAwait(false);
        Activation numbered;
        await using (var next = new NpgsqlCommand("select coalesce(max(seq), 0) + 1 from activations", connection))
        {
            var sequence = (long)(await next.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            numbered = activation with { Sequence = sequence };
            await Execute(connection, "insert into activations (seq, record) values ($1, $2)", cancellationToken,
                sequence, JsonSerializer.Serialize(numbered)).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return numbered;
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? ruleSet, CancellationToken cancellationToken) =>
        ruleSet is null
            ? await Records<AuditEntry>("select record from audit order by seq", cancellationToken)
                .ConfigureAwait(false)
            : await Records<AuditEntry>("select record from audit where rule_set = $1 order by seq", cancellationToken,
                ruleSet).ConfigureAwait(false);

    public async Task<IReadOnlyList<AuditEntry>> PageAsync(
        string? ruleSet, long after, int limit, CancellationToken cancellationToken) =>
        ruleSet is null
            ? await Records<AuditEntry>(
                "select record from audit where seq > $1 order by seq limit $2", cancellationToken, after, limit)
                .ConfigureAwait(false)
            : await Records<AuditEntry>(
                "select record from audit where seq > $1 and rule_set = $2 order by seq limit $3",
                cancellationToken, after, ruleSet, limit)
                .ConfigureAwait(false);

    /// <summary>
    /// Versions and activations are read in one snapshot with the trail: every version and activation read has its
    /// entry in the trail, and no entry of the trail is missing its version or activation, while replicas keep writing.
    /// </summary>
    public async Task<ChainReport> VerifyAsync(ChainHeads? expected, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead,
            cancellationToken).ConfigureAwait(false);
        var versions = await Records<RuleSetVersionRecord>(connection,
            "select record from versions order by name, version", cancellationToken).ConfigureAwait(false);
        var activations = await Records<Activation>(connection, "select record from activations order by seq",
            cancellationToken).ConfigureAwait(false);
        var audit = await Records<AuditEntry>(connection, "select record from audit order by seq", cancellationToken)
            .ConfigureAwait(false);
        var decisions = await ReadDecisionsAsync("select * from decisions order by seq", int.MaxValue, true,
            cancellationToken).ConfigureAwait(false);
        return ChainVerifier.Verify(new StoredChains(audit, decisions, versions, activations), expected);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task<AuditEntry> AppendAuditAsync(NpgsqlConnection connection, AuditDraft draft,
        CancellationToken cancellationToken)
    {
        var (sequence, previous) = await LockHeadAsync(connection, AuditChain, cancellationToken).ConfigureAwait(false);
        var entry = draft.Chained(sequence + 1, previous);
        await Execute(connection, "insert into audit (seq, rule_set, record) values ($1, $2, $3)", cancellationToken,
            entry.Sequence, entry.RuleSet, JsonSerializer.Serialize(entry)).ConfigureAwait(false);
        await Execute(connection, "update chain_heads set seq = $2, hash = $3 where name = $1", cancellationToken,
            AuditChain, entry.Sequence, entry.Hash).ConfigureAwait(false);
        return entry;
    }

    internal static async Task<(long Sequence, string Hash)> LockHeadAsync(NpgsqlConnection connection, string chain,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select seq, hash from chain_heads where name = $1 for update", connection);
        command.Parameters.Add(new() { Value = chain });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetString(1));
    }

    /// <summary>Runs <paramref name="sql"/> with positional parameters; the number of rows it changed.</summary>
    internal static async Task<int> Execute(NpgsqlConnection connection, string sql,
        CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, object[] values)
    {
        var command = _source.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new() { Value = value });
        }

        return command;
    }

    private async Task<List<T>> Records<T>(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(sql, values);
        return await Read<T>(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<T>> Records<T>(NpgsqlConnection connection, string sql,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await Read<T>(command, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<T>> Read<T>(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(JsonSerializer.Deserialize<T>(reader.GetString(0))!);
        }

        return records;
    }
}
