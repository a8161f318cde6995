using System.Globalization;
using Npgsql;

namespace Decisions.Api.Storage.Postgres;

public sealed partial class PostgresStore
{
    private readonly PostgresDecisionWriter _writer;

    public Task<DecisionRecord> AppendAsync(DecisionRecord record, CancellationToken cancellationToken) =>
        _writer.AppendAsync(record, Chain.Digest(record), cancellationToken);

    public async Task<DecisionRecord?> GetAsync(string id, CancellationToken cancellationToken) =>
        (await ReadDecisionsAsync("select * from decisions where id = $1", cancellationToken, id).ConfigureAwait(false)).SingleOrDefault();

    public async Task<IReadOnlyList<DecisionRecord>> SearchAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        void Add(string condition, object value)
        {
            values.Add(value);
            conditions.Add(condition.Replace("@", "$" + values.Count.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        if (query.CustomerId is not null)
        {
            Add("customer_id = @", query.CustomerId);
        }

        if (query.RuleSet is not null)
        {
            Add("rule_set = @", query.RuleSet);
        }

        if (query.From is { } from)
        {
            Add("decided_at_ticks >= @", from.UtcTicks);
        }

        if (query.To is { } to)
        {
            Add("decided_at_ticks < @", to.UtcTicks);
        }

        values.Add(query.Limit);
        var where = conditions.Count == 0 ? "" : "where " + string.Join(" and ", conditions);
        return await ReadDecisionsAsync($"select * from decisions {where} order by seq desc limit ${values.Count}", cancellationToken, [.. values]).ConfigureAwait(false);
    }

    private async Task<List<DecisionRecord>> ReadDecisionsAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(sql, values);
        var decisions = new List<DecisionRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            decisions.Add(Read(reader));
        }

        return decisions;
    }

    private static DecisionRecord Read(NpgsqlDataReader reader) => new()
    {
        Sequence = reader.GetInt64(reader.GetOrdinal("seq")),
        Id = reader.GetString(reader.GetOrdinal("id")),
        DecidedAt = Time(reader.GetString(reader.GetOrdinal("decided_at"))),
        RuleSet = reader.GetString(reader.GetOrdinal("rule_set")),
        Version = reader.GetInt32(reader.GetOrdinal("version")),
        RuleSetHash = reader.GetString(reader.GetOrdinal("rule_set_hash")),
        CustomerId = reader.IsDBNull(reader.GetOrdinal("customer_id")) ? null : reader.GetString(reader.GetOrdinal("customer_id")),
        AsOf = Time(reader.GetString(reader.GetOrdinal("as_of"))),
        Input = reader.GetString(reader.GetOrdinal("input")),
        Output = reader.GetString(reader.GetOrdinal("output")),
        PreviousHash = reader.GetString(reader.GetOrdinal("previous_hash")),
        Hash = reader.GetString(reader.GetOrdinal("hash")),
    };

    // Times are kept as the round-trip text: a replay needs the decision time exactly, offset included.
    internal static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);
}
