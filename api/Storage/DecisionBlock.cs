using System.Diagnostics;

namespace Decisions.Api.Storage;

/// <summary>The head of the decision chain: the last linked decision's sequence and hash.</summary>
public sealed record ChainHead(long Sequence, string Hash)
{
    public static ChainHead Empty { get; } = new(0, Chain.Genesis);
}

/// <summary>
/// A decision waiting to be logged, with what the request thread already computed in parallel: its content digest
/// and, for stores that keep payloads compressed, the packed input and output.
/// </summary>
public sealed record PendingDecision(DecisionRecord Record, string Digest, byte[]? Packed = null)
{
    internal TaskCompletionSource<DecisionRecord> Completion { get; } = new(
        TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The span that waits for this decision's block, which the block's commit span links to.</summary>
    internal ActivityContext Trace { get; set; }
}

/// <summary>
/// One group commit of the decision log, linked to the chain's head: every decision hashes its place, the hash
/// before it and its content digest, so the block's <see cref="Head"/> commits to all of them and to every block
/// before. Because the link covers each decision's digest (not its payload), a payload can later be erased and
/// the stored digest still verifies the chain.
/// </summary>
public sealed record DecisionBlock(ChainHead Previous, IReadOnlyList<PendingDecision> Pending,
    IReadOnlyList<DecisionRecord> Linked)
{
    public long First => Previous.Sequence + 1;

    public ChainHead Head => new(Linked[^1].Sequence, Linked[^1].Hash);

    /// <summary>
    /// Links <paramref name="pending"/> after <paramref name="head"/>, in order; called inside the store's transaction.
    /// </summary>
    public static DecisionBlock Link(ChainHead head, IReadOnlyList<PendingDecision> pending)
    {
        var linked = new DecisionRecord[pending.Count];
        var (sequence, hash) = (head.Sequence, head.Hash);
        for (var i = 0; i < pending.Count; i++)
        {
            var record = pending[i].Record with { Sequence = sequence + 1, PreviousHash = hash };
            linked[i] = record with { Hash = Chain.Of(record, pending[i].Digest) };
            (sequence, hash) = (linked[i].Sequence, linked[i].Hash);
        }

        return new DecisionBlock(head, pending, linked);
    }
}
