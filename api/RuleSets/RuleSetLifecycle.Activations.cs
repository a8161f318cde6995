using Decisions.Api.Outcomes;
using Decisions.Api.Storage;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Activations are appended, never edited: a cancelled schedule is a new record that names the one it cancels.
/// </summary>
public sealed partial class RuleSetLifecycle
{
    public async Task<Outcome<Activation>> ActivateAsync(
        RuleSetVersionRecord record, DateTimeOffset? effectiveAt, string kind, string comment, string actor,
        CancellationToken cancellationToken)
    {
        if (record.Status != VersionStatus.Approved)
        {
            return new Failure.Conflict(
                $"Version {record.Version} is {record.Status}: only approved versions are activated.");
        }

        var now = clock.GetUtcNow();
        var at = effectiveAt ?? now;
        if (at < now)
        {
            return Invalid("An activation cannot be back-dated.", "effectiveAt", $"{at:O} is before now ({now:O}).");
        }

        var activation = new Activation(0, record.Name, record.Version, at, actor, now, kind);
        var action = kind == ActivationKind.Rollback ? AuditAction.RolledBack
            : at > now ? AuditAction.Scheduled
            : AuditAction.Activated;
        var audit = new AuditDraft(now, actor, action, record.Name, record.Version, record.Hash, comment, at);
        var stored = await store.ActivateAsync(activation, audit, cancellationToken);
        await registry.RefreshAsync(cancellationToken);
        return stored;
    }

    public async Task<Outcome<Activation>> RollbackAsync(
        RuleSetVersionRecord record, string comment, string actor, CancellationToken cancellationToken) =>
        registry.ActiveAt(record.Name, clock.GetUtcNow())?.Version == record.Version
            ? new Failure.Conflict($"Version {record.Version} is already active.")
            : await ActivateAsync(record, null, ActivationKind.Rollback, comment, actor, cancellationToken);

    /// <summary>Cancels an activation that has not taken effect yet; one that has is history and stays.</summary>
    public async Task<Outcome<Activation>> CancelScheduledAsync(
        string name, long sequence, string comment, string actor, CancellationToken cancellationToken)
    {
        if (RequireComment(comment, "A cancellation") is { } missing)
        {
            return missing;
        }

        var activations = (await store.ActivationsAsync(cancellationToken)).Where(a => a.Name == name).ToList();
        var scheduled = activations.FirstOrDefault(a => a.Sequence == sequence && a.Kind != ActivationKind.Cancel);
        if (scheduled is null)
        {
            return new Failure.NotFound(Missing.Activation, $"Rule set '{name}' has no activation {sequence}.");
        }

        var now = clock.GetUtcNow();
        if (activations.Any(a => a.Cancels == sequence))
        {
            return new Failure.Conflict($"Activation {sequence} is already cancelled.");
        }

        if (scheduled.EffectiveAt <= now)
        {
            return new Failure.Conflict(
                $"Activation {sequence} took effect at {scheduled.EffectiveAt:O}; only scheduled ones are cancelled.");
        }

        var cancellation = new Activation(
            0, name, scheduled.Version, scheduled.EffectiveAt, actor, now, ActivationKind.Cancel, sequence);
        var audit = new AuditDraft(
            now, actor, AuditAction.ScheduleCancelled, name, scheduled.Version, null, comment, scheduled.EffectiveAt,
            sequence);
        var stored = await store.ActivateAsync(cancellation, audit, cancellationToken);
        await registry.RefreshAsync(cancellationToken);
        return stored;
    }
}
