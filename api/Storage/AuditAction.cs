namespace Decisions.Api.Storage;

/// <summary>
/// What an entry of the change trail records. Code names actions only by these values; the text form is what
/// is stored and hashed into the chain, so it never changes for an existing action (old trails stay verifiable).
/// </summary>
public enum AuditAction
{
    Seeded,
    DraftCreated,
    DraftUpdated,
    Submitted,
    Approved,
    Rejected,
    Activated,
    Scheduled,
    RolledBack,
    ScheduleCancelled,
    Erased,
    RetentionSwept,
}

/// <summary>The stored text of each <see cref="AuditAction"/>, and back.</summary>
public static class AuditActions
{
    private static readonly Dictionary<string, AuditAction> ByText =
        Enum.GetValues<AuditAction>().ToDictionary(Text, action => action, StringComparer.Ordinal);

    public static string Text(this AuditAction action) => action switch
    {
        AuditAction.Seeded => "seeded",
        AuditAction.DraftCreated => "draft-created",
        AuditAction.DraftUpdated => "draft-updated",
        AuditAction.Submitted => "submitted",
        AuditAction.Approved => "approved",
        AuditAction.Rejected => "rejected",
        AuditAction.Activated => "activated",
        AuditAction.Scheduled => "scheduled",
        AuditAction.RolledBack => "rolled-back",
        AuditAction.ScheduleCancelled => "schedule-cancelled",
        AuditAction.Erased => "decisions-erased",
        AuditAction.RetentionSwept => "retention-swept",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "An action without a stored text."),
    };

    /// <summary>The action a stored entry records, or null for a text no version of the service wrote.</summary>
    public static AuditAction? Parse(string text) => ByText.TryGetValue(text, out var action) ? action : null;
}
