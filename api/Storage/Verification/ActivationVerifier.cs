namespace Decisions.Api.Storage;

/// <summary>
/// Every stored activation (and cancellation) is the one the trail recorded, and every activation the trail
/// records is stored. Both are numbered in the same write, so the k-th activation entry of the trail records
/// activation #k. Entries written before the trail carried effective times are checked on everything else.
/// </summary>
internal static class ActivationVerifier
{
    public static ChainBreak? Verify(
        IReadOnlyList<Activation> activations, IReadOnlyList<AuditEntry> audit,
        IReadOnlyDictionary<(string Name, int Version), VersionHistory> histories)
    {
        var entries = audit.Where(e => Kind(e) is not null).ToList();
        for (var k = 0; k < Math.Max(entries.Count, activations.Count); k++)
        {
            var number = k + 1;
            if (k >= activations.Count)
            {
                return new ChainBreak($"activation #{number}",
                    $"The trail records it (audit #{entries[k].Sequence}) but it is not stored.");
            }

            var activation = activations[k];
            if (activation.Sequence != number)
            {
                return new ChainBreak($"activation #{number}",
                    $"It is not stored: activation #{activation.Sequence} stands in its place.");
            }

            if (k >= entries.Count)
            {
                return new ChainBreak($"activation #{number}", "No entry of the trail records it.");
            }

            if (Mismatch(activation, entries[k], histories) is { } reason)
            {
                return new ChainBreak($"activation #{number}",
                    $"It does not match audit #{entries[k].Sequence}: {reason}.");
            }
        }

        return null;
    }

    private static string? Kind(AuditEntry entry) => AuditActions.Parse(entry.Action) switch
    {
        AuditAction.Activated or AuditAction.Scheduled => ActivationKind.Activate,
        AuditAction.RolledBack => ActivationKind.Rollback,
        AuditAction.ScheduleCancelled => ActivationKind.Cancel,
        _ => null,
    };

    private static string? Mismatch(Activation stored, AuditEntry entry,
        IReadOnlyDictionary<(string Name, int Version), VersionHistory> histories)
    {
        // Immediate activations and rollbacks take effect when they are recorded.
        var effective = entry.EffectiveAt
            ?? (AuditActions.Parse(entry.Action) is AuditAction.Scheduled
                or AuditAction.ScheduleCancelled ? null : entry.At);
        var kind = Kind(entry);
        return stored.Name != entry.RuleSet ? $"it names rule set '{stored.Name}', the trail '{entry.RuleSet}'"
            : stored.Version != entry.Version ? $"it names version {stored.Version}, the trail {entry.Version}"
            : stored.Kind != kind ? $"it is a {stored.Kind}, the trail records a {kind}"
            : stored.By != entry.Actor ? $"it names '{stored.By}', the trail '{entry.Actor}'"
            : stored.At != entry.At ? $"it was recorded at {stored.At:O}, the trail says {entry.At:O}"
            : effective is { } at && stored.EffectiveAt != at
                ? $"it takes effect at {stored.EffectiveAt:O}, the trail says {at:O}"
            : entry.Cancels is { } cancels && stored.Cancels != cancels
                ? $"it cancels #{stored.Cancels}, the trail says #{cancels}"
            : kind != ActivationKind.Cancel
                && histories.GetValueOrDefault((entry.RuleSet, stored.Version))?.ApprovedHash != entry.ContentHash
                ? $"the trail never approved version {stored.Version} with the content it activates"
            : null;
    }
}
