using System.Globalization;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;

namespace Decisions.Api.RuleSets;

public sealed partial class RuleSetLifecycle
{
    /// <summary>
    /// Null when <paramref name="ifMatch"/> is absent or names <paramref name="current"/>; otherwise the failed
    /// precondition, naming from the trail who saved the current content and when, so the person whose save was
    /// refused knows whom to talk to before reapplying.
    /// </summary>
    private async Task<Failure.PreconditionFailed?> StaleAsync(
        string? ifMatch, RuleSetVersionRecord current, CancellationToken cancellationToken)
    {
        if (VersionTag.Check(ifMatch, current) is not { } precondition)
        {
            return null;
        }

        var entries = await trail.ListAsync(current.Name, cancellationToken);
        var save = entries.LastOrDefault(e => e.Version == current.Version && e.ContentHash == current.Hash
            && AuditActions.Parse(e.Action) is AuditAction.DraftCreated or AuditAction.DraftUpdated);
        if (save is null)
        {
            return precondition;
        }

        var at = save.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var detail = $"{save.Actor} saved this draft at {at} after the version you read. {precondition.Detail}";
        return new Failure.PreconditionFailed(detail, save.Actor, save.At);
    }
}
