using Decisions.Api.Storage;

namespace Decisions.Api.Audit;

/// <summary>
/// An entry of the change trail as the API answers it; the stored <c>AuditEntry</c> keeps its own shape, so
/// renaming a stored field neither changes this contract nor makes old rows unreadable. <c>Action</c> is the
/// text hashed into the chain (kebab-case, e.g. <c>draft-updated</c>); <c>Hash</c> and
/// <c>PreviousHash</c> let an auditor recompute the chain.
/// </summary>
public sealed record TrailEntry(
    long Sequence, DateTimeOffset At, string Actor, string Action, string RuleSet, int? Version, string? ContentHash,
    string? Comment, string PreviousHash, string Hash, DateTimeOffset? EffectiveAt, long? Cancels)
{
    public static TrailEntry From(AuditEntry e) =>
        new(e.Sequence, e.At, e.Actor, e.Action, e.RuleSet, e.Version, e.ContentHash, e.Comment, e.PreviousHash, e.Hash,
            e.EffectiveAt, e.Cancels);
}

/// <summary>
/// An activation as the API answers it: from <c>EffectiveAt</c> on, <c>Version</c> is active, unless a
/// later one is. <c>Kind</c> is <c>activate</c>, <c>rollback</c> or <c>cancel</c> (which takes the activation
/// numbered <c>Cancels</c> off); the stored <c>Activation</c> keeps its own shape.
/// </summary>
public sealed record ActivationEntry(
    long Sequence, string Name, int Version, DateTimeOffset EffectiveAt, string By, DateTimeOffset At, string Kind,
    long? Cancels)
{
    public static ActivationEntry From(Activation a) =>
        new(a.Sequence, a.Name, a.Version, a.EffectiveAt, a.By, a.At, a.Kind, a.Cancels);
}
