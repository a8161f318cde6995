using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// Erasure in the LiteDB file: the documents found are updated in place by the one writer, in the transaction
/// that appends the trail entry recording it (see <see cref="ErasureMapping"/>).
/// </summary>
public sealed partial class LiteDbStore : IDecisionErasure
{
    // The first block that may still hold a payload a retention sweep has to erase: sweeps do not re-read the
    // blocks they have emptied. Kept in memory, so the first sweep after a start reads the erased blocks once.
    private long _retainedFrom;

    public async Task<ErasureReceipt> EraseAsync(
        ErasureScope scope, Func<int, AuditDraft?> audit, CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        var (receipt, retainedFrom) = await _writer.WriteAsync(_ =>
        {
            var (legacy, blocks, retainedFrom) = Found(scope);
            if (audit(legacy.Count + blocks.Sum(b => b.Entries.Count)) is not { } draft)
            {
                return (new ErasureReceipt(0, null), retainedFrom);
            }

            AppendAudit(draft);
            var receipt = new ErasureReceipt(legacy.Count + blocks.Sum(b => b.Entries.Count), _lastAudit.Sequence);
            foreach (var document in legacy)
            {
                var digest = DigestBeforeErasure(
                    document["_id"].AsString, document["seq"].AsInt64, () => BsonMapping.ToDecision(document));
                ErasureMapping.Erase(document, digest, receipt, draft.At);
                _legacy!.Update(document);
            }

            foreach (var (block, entries) in blocks)
            {
                foreach (var entry in entries)
                {
                    var index = block["entries"].AsArray.IndexOf(entry);
                    var digest = DigestBeforeErasure(
                        entry["id"].AsString, block["_id"].AsInt64 + index, () =>
                            BlockMapping.ToDecision(block, index));
                    ErasureMapping.Erase(entry, digest, receipt, draft.At);
                }

                _blocks.Update(block);
            }

            return (receipt, retainedFrom);
        }, cancellationToken).ConfigureAwait(false);
        _retainedFrom = Math.Max(_retainedFrom, retainedFrom);
        if (receipt.Erased > 0)
        {
            await ForgetJournalAsync(cancellationToken).ConfigureAwait(false);
        }

        return receipt;
    }

    private (List<BsonDocument> Legacy,
        List<(BsonDocument Block, List<BsonDocument> Entries)> Blocks, long RetainedFrom)
        Found(ErasureScope scope)
    {
        if (scope is ErasureScope.Customer { CustomerId: var customer })
        {
            var blocks = _blocks.Query().Where("$.entries[*].customerId ANY = @0", customer).ToEnumerable()
                .Select(b => (b, Entries(b).Where(e => e["customerId"] == customer).ToList()))
                .ToList();
            return (_legacy?.Find(Query.EQ("customerId", customer)).ToList() ?? [], blocks, _retainedFrom);
        }

        var (cutoff, limit) = (ErasureScope.DecidedBefore)scope;
        var legacy = _legacy?.Query().Where("decidedAtTicks < @0", cutoff.UtcTicks).OrderBy("seq").ToEnumerable()
            .Where(d => !ErasureMapping.IsErased(d)).Take(limit).ToList() ?? [];
        var (expired, retainedFrom) = ExpiredBlocks(cutoff.UtcTicks, limit - legacy.Count);
        return (legacy, expired, retainedFrom);
    }

    /// <summary>
    /// Expired entries in log order, up to <paramref name="limit"/>, and the first block a later sweep reads.
    /// </summary>
    private (List<(BsonDocument, List<BsonDocument>)> Blocks, long RetainedFrom) ExpiredBlocks(long cutoff, int limit)
    {
        var (found, retainedFrom, emptied) = (new List<(BsonDocument, List<BsonDocument>)>(), _retainedFrom, true);
        foreach (var block in _blocks.Query().Where("_id >= @0", _retainedFrom).OrderBy("_id").ToEnumerable())
        {
            var entries = Entries(block).ToList();
            var expired = entries.Where(e => !ErasureMapping.IsErased(e) && e["ticks"].AsInt64 < cutoff)
                .Take(limit).ToList();
            if (expired.Count > 0)
            {
                found.Add((block, expired));
                limit -= expired.Count;
            }

            emptied &= entries.All(e => ErasureMapping.IsErased(e) || expired.Contains(e));
            retainedFrom = emptied ? block["last"].AsInt64 + 1 : retainedFrom;
            if (limit <= 0 || entries.Any(e => e["ticks"].AsInt64 >= cutoff))
            {
                break;
            }
        }

        return (found, retainedFrom);
    }

    private static IEnumerable<BsonDocument> Entries(BsonDocument block) =>
        block["entries"].AsArray.Select(e => e.AsDocument);

    /// <summary>
    /// The digest kept for an erased decision is recomputed from the payload it replaces, not copied from the block:
    /// a payload edited before its erasure then still breaks the link, as it did before.
    /// </summary>
    private static string DigestBeforeErasure(string id, long sequence, Func<DecisionRecord> read)
    {
        try
        {
            return Chain.Digest(read());
        }
        catch (Exception exception) when (DecisionPage.IsDamaged(exception))
        {
            // The writer rolls the whole erasure back: a digest cannot be kept for a payload that cannot be read.
            throw new UnreadableDecisionException(new UnreadableDecision(
                id, sequence, $"{exception.Message} It cannot be erased verifiably; verification names it."));
        }
    }
}
