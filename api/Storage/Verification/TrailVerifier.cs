namespace Decisions.Api.Storage;

/// <summary>The change trail's own chain: every entry hashes its content and the entry before it.</summary>
internal static class TrailVerifier
{
    private const string Chain = "change trail";

    public static ChainBreak? Verify(IReadOnlyList<AuditEntry> audit, ChainPoint? expected)
    {
        var previous = Storage.Chain.Genesis;
        for (var i = 0; i < audit.Count; i++)
        {
            var entry = audit[i];
            var name = $"audit #{entry.Sequence}";
            if (entry.Sequence != i + 1 || entry.PreviousHash != previous || entry.Hash != Storage.Chain.Of(entry))
            {
                return new ChainBreak(name,
                    entry.Sequence != i + 1
                        ? "An entry is missing before it."
                        : "Its content or link does not match its hash.");
            }

            previous = entry.Hash;
            if (CheckpointAnchor.AtSize(expected, entry.Sequence, entry.Hash, name, Chain) is { } moved)
            {
                return moved;
            }
        }

        return CheckpointAnchor.Reached(expected, audit.Count, "audit", Chain);
    }
}
