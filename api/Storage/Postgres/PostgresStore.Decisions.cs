using System.Globalization;
using Npgsql;

namespace Decisions.Api.Storage.Postgres;

public sealed partial class PostgresStore
{
    private readonly DecisionWriter _writer;

    public DecisionWriter Writer => _writer;

    /// <summary>PostgreSQL indexes a block in the transaction that makes it durable: it is never behind.</summary>
    public Exception? Behind => null;

    public Task<DecisionRecord> AppendAsync(DecisionRecord record, CancellationToken cancellationToken) =>
        _writer.AppendAsync(new PendingDecision(record, Chain.Digest(record)), cancellationToken);

    public async Task<DecisionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var page = await ReadDecisionsAsync("select * from decisions where id = $1", 1, true, cancellationToken, id)
            .ConfigureAwait(false);
        return page.Unreadable is [var unreadable, ..]
            ? throw new UnreadableDecisionException(unreadable)
            : page.Decisions.Concat(page.Erased).SingleOrDefault();
    }

    public async Task<IReadOnlyList<DecisionRecord>> FindByIdempotencyKeyAsync(string key,
        CancellationToken cancellationToken)
    {
        var page = await ReadDecisionsAsync(
            "select * from decisions where idempotency_key = $1 order by item_index", int.MaxValue,
            true, cancellationToken, key)
            .ConfigureAwait(false);
        return page.Unreadable is [var unreadable, ..]
            ? throw new UnreadableDecisionException(unreadable)
            : page.Decisions;
    }

    public async Task<DecisionPage> SearchAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        void Add(string condition, object value)
        {
            values.Add(value);
            conditions.Add(condition.Replace("@", "$" + values.Count.ToString(CultureInfo.InvariantCulture),
                StringComparison.Ordinal));
        }

        if (query.CustomerId is not null)
        {
            Add("customer_id = @", query.CustomerId);
        }

        if (query.CustomerIdPrefix is not null)
        {
            // starts_with, not LIKE: the prefix is taken as typed, '%' and '_' included, as DecisionQuery matches it.
            Add("starts_with(customer_id, @)", query.CustomerIdPrefix);
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

        if (query.Before is { } before)
        {
            Add("seq < @", before);
        }

        values.Add(query.Limit);
        var where = conditions.Count == 0 ? "" : "where " + string.Join(" and ", conditions);
        var sql = $"select * from decisions {where} order by seq desc limit ${values.Count}";
        return await ReadDecisionsAsync(sql, query.Limit, query.CheckPayload, cancellationToken, [.. values])
            .ConfigureAwait(false);
    }

    private async Task<DecisionPage> ReadDecisionsAsync(
        string sql, int limit, bool checkPayload, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = Command(sql, values);
        var rows = new List<StoredDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(Stored(Read(reader)));
        }

        return DecisionPage.Of(rows, limit, checkPayload);
    }

    private static StoredDecision Stored(DecisionRecord record) =>
        new(record.Id, record.Sequence, record.CustomerId, record.Erasure is not null, () => record);

    internal static DecisionRecord Read(NpgsqlDataReader reader) => new()
    {
        Erasure = Erasure(reader),
        Sequence = reader.GetInt64(reader.GetOrdinal("seq")),
        Id = reader.GetString(reader.GetOrdinal("id")),
        DecidedAt = Time(reader.GetString(reader.GetOrdinal("decided_at"))),
        RuleSet = reader.GetString(reader.GetOrdinal("rule_set")),
        Version = reader.GetInt32(reader.GetOrdinal("version")),
        RuleSetHash = reader.GetString(reader.GetOrdinal("rule_set_hash")),
        CustomerId = reader.IsDBNull(reader.GetOrdinal("customer_id"))
            ? null
            : reader.GetString(reader.GetOrdinal("customer_id")),
        AsOf = Time(reader.GetString(reader.GetOrdinal("as_of"))),
        Input = reader.IsDBNull(reader.GetOrdinal("input")) ? "" : reader.GetString(reader.GetOrdinal("input")),
        Output = reader.IsDBNull(reader.GetOrdinal("output")) ? "" : reader.GetString(reader.GetOrdinal("output")),
        PreviousHash = reader.GetString(reader.GetOrdinal("previous_hash")),
        Hash = reader.GetString(reader.GetOrdinal("hash")),
        Idempotency = reader.IsDBNull(reader.GetOrdinal("idempotency_key"))
            ? null
            : new IdempotencyTag(
                reader.GetString(reader.GetOrdinal("idempotency_key")),
                reader.GetString(reader.GetOrdinal("request_digest")),
                reader.GetInt32(reader.GetOrdinal("item_index"))),
        TraceId = Text(reader, "trace_id"),
        Caller = Text(reader, "caller"),
    };

    private static string? Text(NpgsqlDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetString(reader.GetOrdinal(column));

    // Times are kept as the round-trip text: a replay needs the decision time exactly, offset included.
    internal static string Text(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture);
}
