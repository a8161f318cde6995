namespace Decisions.Api.Storage;

/// <summary>
/// Recomputes every hash from stored content, whatever the store, and checks that everything that changes an
/// answer is what the change trail says: the trail's chain, the decision log's chain, each stored version
/// (content, status, people) and each activation. With <c>expected</c> heads (from a signed checkpoint) it also
/// checks that both chains extend them. Names the first broken entry.
/// </summary>
internal static class ChainVerifier
{
    public static ChainReport Verify(StoredChains stored, ChainHeads? expected)
    {
        var histories = VersionHistory.From(stored.Audit);
        var broken = TrailVerifier.Verify(stored.Audit, expected?.AuditTrail)
            ?? DecisionChainVerifier.Verify(stored.Log, stored.Audit, expected?.DecisionLog)
            ?? VersionVerifier.Verify(stored.Versions, stored.Audit, histories)
            ?? ActivationVerifier.Verify(stored.Activations, stored.Audit, histories);
        return new ChainReport(
            broken is null, stored.Audit.Count,
            stored.Log.Decisions.Count + stored.Log.Erased.Count + stored.Log.Unreadable.Count,
            stored.Versions.Count,
            broken?.Entry, broken?.Reason, stored.Activations.Count);
    }
}
