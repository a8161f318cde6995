using Decisions.Api.Checkpoints;
using LiteDB;

namespace Decisions.Api.Storage;

public sealed partial class LiteDbStore : ICheckpointStore
{
    private ILiteCollection<BsonDocument> Checkpoints => _database.GetCollection("checkpoints");

    /// <summary>Reads the file's collections in order and checks them with <see cref="ChainVerifier"/>.</summary>
    public async Task<ChainReport> VerifyAsync(ChainHeads? expected, CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        var decisions = DecisionPage.Of(AllInOrder(), int.MaxValue);
        var audit = _audit.FindAll().Select(BsonMapping.ToAudit).OrderBy(e => e.Sequence).ToList();
        return ChainVerifier.Verify(
            new StoredChains(audit, decisions,
                [.. _versions.FindAll().Select(BsonMapping.ToVersion)], StoredActivations()),
            expected);
    }

    /// <summary>
    /// The heads as the one writer holds them, read in its turn once the decisions journaled before the call are
    /// indexed: a read-only step of a batch returns only once the batch committed, so the heads are ones both chains
    /// had on disk.
    /// </summary>
    public async Task<ChainHeads> HeadsAsync(CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        return await _writer.WriteAsync(
            _ =>
                new ChainHeads(new ChainPoint(_lastAudit.Sequence, _lastAudit.Hash),
                    new ChainPoint(_lastDecision.Sequence, _lastDecision.Hash)),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every rule-set change is audited, so the trail's last sequence changes exactly when they do.</summary>
    public Task<long> ChangeStampAsync(CancellationToken cancellationToken) => Task.FromResult(_lastAudit.Sequence);

    public Task<SignedCheckpoint> AppendCheckpointAsync(SignedCheckpoint checkpoint,
        CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var numbered = checkpoint with { Sequence = Checkpoints.Count() + 1L };
            Checkpoints.Insert(new BsonDocument { ["_id"] = numbered.Sequence,
                ["record"] = System.Text.Json.JsonSerializer.Serialize(checkpoint) });
            return numbered;
        }, cancellationToken);

    /// <summary>
    /// Read in the writer's turn: in one full run a read racing the insert that first creates the collection failed.
    /// </summary>
    public Task<IReadOnlyList<SignedCheckpoint>> CheckpointsAsync(int limit, CancellationToken cancellationToken) =>
        _writer.WriteAsync<IReadOnlyList<SignedCheckpoint>>(_ => [.. Checkpoints.Query()
            .OrderByDescending("_id")
            .Limit(limit)
            .ToEnumerable()
            .Select(d => System.Text.Json.JsonSerializer.Deserialize<SignedCheckpoint>(d["record"].AsString)! with {
                Sequence = d["_id"].AsInt64 })],
            cancellationToken);
}
