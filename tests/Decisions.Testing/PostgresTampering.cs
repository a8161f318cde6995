using System.Globalization;
using System.Text.Json;
using Decisions.Api.Storage;
using Decisions.Api.Storage.Postgres;
using Npgsql;

namespace Decisions.Testing;

/// <summary>
/// Edits the tables with SQL, as someone holding the database's credentials can, keeping each chain's head row
/// in step with the rows so that the edit leaves no loose end the service would stumble on.
/// </summary>
public sealed class PostgresTampering(string connectionString) : StoreTampering
{
    public override IReadOnlyList<DecisionRecord> Decisions() =>
        Query("select * from decisions order by seq", PostgresStore.Read);

    public override IReadOnlyList<AuditEntry> Audit() =>
        Query("select record from audit order by seq", Record<AuditEntry>);

    public override IReadOnlyList<Activation> Activations() =>
        Query("select record from activations order by seq", Record<Activation>);

    public override RuleSetVersionRecord Version(string name, int version) =>
        Query("select record from versions where name = $1 and version = $2",
            Record<RuleSetVersionRecord>, name, version).Single();

    public override void WriteVersion(RuleSetVersionRecord version) => Execute(
        "update versions set status = $3, hash = $4, record = $5 where name = $1 and version = $2",
        version.Name, version.Version, version.Status.ToString(), version.Hash, JsonSerializer.Serialize(version));

    protected override void ReplaceDecisions(IReadOnlyList<DecisionRecord> decisions)
    {
        Execute("delete from decisions");
        foreach (var d in decisions)
        {
            Execute(
                "insert into decisions (seq, id, decided_at, decided_at_ticks, rule_set, version, rule_set_hash, "
                + "customer_id, as_of, input, output, "
                + "previous_hash, hash, trace_id, caller) "
                + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
                d.Sequence, d.Id, Text(d.DecidedAt), d.DecidedAt.UtcTicks, d.RuleSet, d.Version, d.RuleSetHash,
                (object?)d.CustomerId ?? DBNull.Value,
                Text(d.AsOf), d.Input, d.Output, d.PreviousHash, d.Hash, (object?)d.TraceId ?? DBNull.Value,
                (object?)d.Caller ?? DBNull.Value);
        }

        Head("decisions", decisions.Count, decisions.Count == 0 ? Chain.Genesis : decisions[^1].Hash);
    }

    protected override void ReplaceAudit(IReadOnlyList<AuditEntry> entries)
    {
        Execute("delete from audit");
        foreach (var entry in entries)
        {
            Execute("insert into audit (seq, rule_set, record) values ($1, $2, $3)", entry.Sequence, entry.RuleSet,
                JsonSerializer.Serialize(entry));
        }

        Head("audit", entries.Count, entries.Count == 0 ? Chain.Genesis : entries[^1].Hash);
    }

    protected override void ReplaceActivations(IReadOnlyList<Activation> activations)
    {
        Execute("delete from activations");
        foreach (var activation in activations)
        {
            Execute("insert into activations (seq, record) values ($1, $2)", activation.Sequence,
                JsonSerializer.Serialize(activation));
        }
    }

    private static T Record<T>(NpgsqlDataReader row) => JsonSerializer.Deserialize<T>(row.GetString(0))!;

    private static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private void Head(string chain, long sequence, string hash) =>
        Execute("update chain_heads set seq = $2, hash = $3 where name = $1", chain, sequence, hash);

    private List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] values)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = Command(connection, sql, values);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private void Execute(string sql, params object[] values)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = Command(connection, sql, values);
        command.ExecuteNonQuery();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }
}
