namespace Decisions.Api.Storage;

/// <summary>
/// The decision log's chain: each decision's link covers its place and the digest of its content. This is the
/// one part of verification that knows how decisions are laid out in the store.
/// </summary>
internal static class DecisionChainVerifier
{
    private const string Chain = "decision log";

    public static ChainBreak? Verify(DecisionPage log, IReadOnlyList<AuditEntry> audit, ChainPoint? expected)
    {
        // Erased decisions keep their place in the chain: they verify by the digest kept when they were erased.
        var decisions = log.Erased.Count == 0
            ? log.Decisions
            : [.. log.Decisions.Concat(log.Erased).OrderBy(d => d.Sequence)];
        // An unreadable entry breaks the chain where it stands: nothing after it can be checked against it.
        var unreadable = log.Unreadable.MinBy(u => u.Sequence);
        ChainBreak Unreadable(UnreadableDecision entry) =>
            new($"decision {entry.Id} (#{entry.Sequence})", $"Its stored payload cannot be read: {entry.Reason}");
        var previous = Storage.Chain.Genesis;
        for (var i = 0; i < decisions.Count; i++)
        {
            if (unreadable is not null && unreadable.Sequence <= i + 1)
            {
                return Unreadable(unreadable);
            }

            var decision = decisions[i];
            var name = $"decision {decision.Id} (#{decision.Sequence})";
            if (decision.Erasure?.IsRecordedIn(audit) == false)
            {
                return new ChainBreak(name, "It is erased, but no erasure in the trail records it.");
            }

            if (decision.Sequence != i + 1 || decision.PreviousHash != previous
                || decision.Hash != Storage.Chain.Of(decision, DecisionErasure.DigestOf(decision)))
            {
                return new ChainBreak(name,
                    decision.Sequence != i + 1
                        ? "A decision is missing before it."
                        : "Its content or link does not match its hash.");
            }

            previous = decision.Hash;
            if (CheckpointAnchor.AtSize(expected, decision.Sequence, decision.Hash, name, Chain) is { } moved)
            {
                return moved;
            }
        }

        return unreadable is not null
            ? Unreadable(unreadable)
            : CheckpointAnchor.Reached(expected, decisions.Count, "decision", Chain);
    }
}
