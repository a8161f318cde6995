using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// The decision log in blocks (see <see cref="BlockMapping"/>), newest first over the blocks and then over the
/// per-decision documents a file written before blocks still holds (<c>decisions</c>, all older than any block).
/// </summary>
public sealed partial class LiteDbStore
{
    private const string LegacyCollection = "decisions";

    public Task<DecisionRecord> AppendAsync(DecisionRecord record, CancellationToken cancellationToken) =>
        // The heavy work (digest, compression) happens here, in parallel; the one writer only links and inserts.
        _decisionWriter.AppendAsync(
            new PendingDecision(record, Chain.Digest(record), Payload.Pack(record.Input, record.Output)),
            cancellationToken);

    public async Task<DecisionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        var rows = _blocks.Query().Where("$.entries[*].id ANY = @0", id).ToEnumerable()
            .SelectMany(BlockMapping.RowsNewestFirst).Where(e => e.Row.Id == id).Select(e => e.Row)
            .Concat(Legacy(Query.EQ("_id", id)));
        var page = DecisionPage.Of(rows, 1);
        return page.Unreadable is [var unreadable, ..]
            ? throw new UnreadableDecisionException(unreadable)
            : page.Decisions.Concat(page.Erased).SingleOrDefault();
    }

    /// <summary>
    /// A customer's decisions come from the customer index (few blocks); every other search walks the blocks down
    /// from the cursor, within the window the time index gives (<see cref="BlockTimes"/>), and filters their entries
    /// as it goes, so a page costs about its own size, never sorts the log and never walks the blocks after a range.
    /// </summary>
    public async Task<DecisionPage> SearchAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        var window = WindowOf(query);
        var (first, last) = (window.First, Math.Min(window.Last, (query.Before ?? long.MaxValue) - 1));
        var blocks = query.CustomerId is { } customer
            ? _blocks.Query()
                .Where("$.entries[*].customerId ANY = @0", customer)
                .Where("_id BETWEEN @0 AND @1", first, last)
            : _blocks.Query().Where("_id BETWEEN @0 AND @1", first, last);
        var before = window.Legacy ? query.Before ?? long.MaxValue : long.MinValue;
        var legacy = query.CustomerId is { } id
            ? _legacy?.Query().Where("customerId = @0", id).Where("seq < @0", before)
            : _legacy?.Query().Where("seq < @0", before);
        var rows = blocks.OrderByDescending("_id").ToEnumerable()
            .SelectMany(BlockMapping.RowsNewestFirst)
            .Where(e => Matches(e.Entry, e.Row.Sequence, query))
            .Select(e => e.Row)
            .Concat((legacy?.OrderByDescending("seq").ToEnumerable() ?? [])
                .Where(d => MatchesLegacy(d, query))
                .Select(Stored))
            .TakeWhile(_ => !cancellationToken.IsCancellationRequested);
        var page = DecisionPage.Of(rows, query.Limit, query.CheckPayload);
        cancellationToken.ThrowIfCancellationRequested();
        return page;
    }

    /// <summary>
    /// On the decision path, so it does not wait for the index: it reads the journaled blocks not yet indexed first,
    /// then LiteDB. A block leaves the pending list only once LiteDB holds it, so none is missed in between.
    /// </summary>
    public Task<IReadOnlyList<DecisionRecord>> FindByIdempotencyKeyAsync(string key,
        CancellationToken cancellationToken)
    {
        var pending = _indexer.Pending().Select(b => b.Document).ToList();
        var rows = pending.Concat(_blocks.Query().Where("$.entries[*].key ANY = @0", key).ToEnumerable())
            .SelectMany(BlockMapping.RowsNewestFirst).Where(e => e.Entry["key"] == key).Select(e => e.Row)
            .Concat(Legacy(Query.EQ("idempotencyKey", key)))
            .DistinctBy(row => row.Sequence);
        var page = DecisionPage.Of(rows, int.MaxValue);
        return page.Unreadable is [var unreadable, ..]
            ? throw new UnreadableDecisionException(unreadable)
            : Task.FromResult<IReadOnlyList<DecisionRecord>>([.. page.Decisions.OrderBy(d => d.Idempotency!.Index)]);
    }

    /// <summary>Every logged decision in sequence order: the per-decision documents, then the blocks.</summary>
    private IEnumerable<StoredDecision> AllInOrder() =>
        (_legacy?.Query().OrderBy("seq").ToEnumerable().Select(Stored) ?? [])
            .Concat(_blocks.Query()
                .OrderBy("_id")
                .ToEnumerable()
                .SelectMany(b => BlockMapping.RowsNewestFirst(b).Reverse())
                .Select(e => e.Row));

    private ChainHead LastDecision()
    {
        if (_blocks.Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is { } block)
        {
            return BlockMapping.Head(block);
        }

        var legacy = _legacy?.Query().OrderByDescending("seq").Limit(1).FirstOrDefault();
        return legacy is null ? ChainHead.Empty : new ChainHead(legacy["seq"].AsInt64, legacy["hash"].AsString);
    }

    private IEnumerable<StoredDecision> Legacy(BsonExpression query) => _legacy?.Find(query).Select(Stored) ?? [];

    private static bool Matches(BsonDocument entry, long sequence, DecisionQuery query) =>
        query.MatchesCustomer(Text(entry["customerId"]))
        && (query.RuleSet is null || entry["ruleSet"] == query.RuleSet)
        && (query.From is not { } from || entry["ticks"].AsInt64 >= from.UtcTicks)
        && (query.To is not { } to || entry["ticks"].AsInt64 < to.UtcTicks)
        && (query.Before is not { } before || sequence < before);

    private static bool MatchesLegacy(BsonDocument d, DecisionQuery query) =>
        query.MatchesCustomer(Text(d["customerId"]))
        && (query.RuleSet is null || d["ruleSet"] == query.RuleSet)
        && (query.From is not { } from || d["decidedAtTicks"].AsInt64 >= from.UtcTicks)
        && (query.To is not { } to || d["decidedAtTicks"].AsInt64 < to.UtcTicks)
        && (query.Before is not { } before || d["seq"].AsInt64 < before);

    private static StoredDecision Stored(BsonDocument d) => new(d["_id"].AsString, d["seq"].AsInt64,
        d["customerId"].IsNull ? null : d["customerId"].AsString, ErasureMapping.IsErased(d), () =>
            BsonMapping.ToDecision(d));

    private static string? Text(BsonValue value) => value.IsString ? value.AsString : null;
}
