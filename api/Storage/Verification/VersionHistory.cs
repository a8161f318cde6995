namespace Decisions.Api.Storage;

/// <summary>
/// What the change trail says about one version: its status, its content hash, who wrote, submitted and
/// reviewed it, and the hash recorded when it was approved. <see cref="Entry"/> is the trail entry that said so last.
/// </summary>
internal sealed record VersionHistory(
    VersionStatus Status, string? Hash, long Entry, string? Author = null, string? SubmittedBy = null,
    string? ReviewedBy = null,
    string? ApprovedHash = null, long? ApprovedEntry = null, bool Seeded = false)
{
    /// <summary>Replays the trail's version entries in order, one history per rule set and version.</summary>
    public static IReadOnlyDictionary<(string Name, int Version), VersionHistory> From(IEnumerable<AuditEntry> audit)
    {
        var histories = new Dictionary<(string, int), VersionHistory>();
        foreach (var entry in audit)
        {
            if (entry.Version is not { } version || AuditActions.Parse(entry.Action) is not { } action)
            {
                continue;
            }

            var key = (entry.RuleSet, version);
            var current = histories.GetValueOrDefault(key)
                ?? new VersionHistory(VersionStatus.Draft, null, entry.Sequence);
            var next = Apply(current, action, entry);
            if (next is not null)
            {
                histories[key] = next with { Entry = entry.Sequence };
            }
        }

        return histories;
    }

    private static VersionHistory? Apply(VersionHistory current, AuditAction action, AuditEntry entry) => action switch
    {
        AuditAction.Seeded => new VersionHistory(
            VersionStatus.Approved, entry.ContentHash, entry.Sequence, null, entry.Actor, entry.Actor,
            entry.ContentHash, entry.Sequence, true),
        AuditAction.DraftCreated =>
            new VersionHistory(VersionStatus.Draft, entry.ContentHash, entry.Sequence, entry.Actor),
        AuditAction.DraftUpdated => current with { Status = VersionStatus.Draft, Hash = entry.ContentHash },
        AuditAction.Submitted =>
            current with { Status = VersionStatus.Submitted, Hash = entry.ContentHash, SubmittedBy = entry.Actor },
        AuditAction.Approved => current with
        {
            Status = VersionStatus.Approved, Hash = entry.ContentHash, ReviewedBy = entry.Actor,
            ApprovedHash = entry.ContentHash,
            ApprovedEntry = entry.Sequence,
        },
        AuditAction.Rejected =>
            current with { Status = VersionStatus.Rejected, Hash = entry.ContentHash, ReviewedBy = entry.Actor },
        _ => null,
    };
}
