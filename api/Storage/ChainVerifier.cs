using Decisions.Engine.Serialization;

namespace Decisions.Api.Storage;

/// <summary>
/// Recomputes every hash from stored content, whatever the store: an entry edited, removed or reordered no
/// longer matches its own hash or its successor's link. Versions must hash to what they claim and to what the
/// trail recorded when they were created.
/// </summary>
internal static class ChainVerifier
{
    /// <param name="audit">The change trail in sequence order.</param>
    /// <param name="log">The whole decision log in sequence order, with the entries that cannot be read.</param>
    /// <param name="versions">Every stored version.</param>
    public static ChainReport Verify(IReadOnlyList<AuditEntry> audit, DecisionPage log, IReadOnlyList<RuleSetVersionRecord> versions)
    {
        // Erased decisions keep their place in the chain: they verify by the digest kept when they were erased.
        var decisions = log.Erased.Count == 0 ? log.Decisions : [.. log.Decisions.Concat(log.Erased).OrderBy(d => d.Sequence)];
        var total = decisions.Count + log.Unreadable.Count;
        ChainReport Broken(string entry, string reason) => new(false, audit.Count, total, versions.Count, entry, reason);

        var previous = Chain.Genesis;
        for (var i = 0; i < audit.Count; i++)
        {
            var entry = audit[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != previous || entry.Hash != Chain.Of(entry))
            {
                return Broken($"audit #{entry.Sequence}", entry.Sequence != i + 1 ? "An entry is missing before it." : "Its content or link does not match its hash.");
            }

            previous = entry.Hash;
        }

        // An unreadable entry breaks the chain where it stands: nothing after it can be checked against it.
        var unreadable = log.Unreadable.MinBy(u => u.Sequence);
        previous = Chain.Genesis;
        ChainReport Unreadable(UnreadableDecision entry) =>
            Broken($"decision {entry.Id} (#{entry.Sequence})", $"Its stored payload cannot be read: {entry.Reason}");
        for (var i = 0; i < decisions.Count; i++)
        {
            if (unreadable is not null && unreadable.Sequence <= i + 1)
            {
                return Unreadable(unreadable);
            }

            var decision = decisions[i];
            if (decision.Erasure?.IsRecordedIn(audit) == false)
            {
                return Broken($"decision {decision.Id} (#{decision.Sequence})", "It is erased, but no erasure in the trail records it.");
            }

            if (decision.Sequence != i + 1 || decision.PreviousHash != previous || decision.Hash != Chain.Of(decision, DecisionErasure.DigestOf(decision)))
            {
                return Broken($"decision {decision.Id} (#{decision.Sequence})", decision.Sequence != i + 1 ? "A decision is missing before it." : "Its content or link does not match its hash.");
            }

            previous = decision.Hash;
        }

        if (unreadable is not null)
        {
            return Unreadable(unreadable);
        }

        var recorded = audit.Where(e => e.ContentHash is not null && e.Version is not null).ToLookup(e => (e.RuleSet, e.Version!.Value), e => e.ContentHash);
        foreach (var version in versions)
        {
            var (parsed, _) = RuleSetJson.Parse(version.Json);
            var actual = parsed is null ? null : RuleSetJson.Hash(parsed);
            if (actual != version.Hash || !recorded[(version.Name, version.Version)].Contains(version.Hash))
            {
                return Broken($"rule set {version.Name} v{version.Version}", "Its content does not match the hash recorded in the trail.");
            }
        }

        return new ChainReport(true, audit.Count, total, versions.Count, null, null);
    }
}
