using Decisions.Api.Outcomes;
using Decisions.Api.Storage;

namespace Decisions.Api.RuleSets;

/// <summary>Submission and review: where validation, the comment rule and <see cref="FourEyesPolicy"/> apply.</summary>
public sealed partial class RuleSetLifecycle
{
    /// <summary>
    /// What a reviewer reads beside a version: everyone who wrote its content (who may not review it) and the
    /// comment of its latest submission, which only the trail holds.
    /// </summary>
    public async Task<(IReadOnlySet<string> Contributors, string? SubmitComment)> ReviewFactsAsync(
        RuleSetVersionRecord version, CancellationToken cancellationToken)
    {
        var entries = await trail.ListAsync(version.Name, cancellationToken);
        var contributors = FourEyesPolicy.Contributors(version, entries, await store.ListAsync(cancellationToken));
        var submission = entries.LastOrDefault(e =>
            e.Version == version.Version && AuditActions.Parse(e.Action) == AuditAction.Submitted);
        return (contributors, submission?.Comment);
    }

    public async Task<Outcome<RuleSetVersionRecord>> SubmitAsync(
        RuleSetVersionRecord current, string comment, string? ifMatch, string actor,
        CancellationToken cancellationToken)
    {
        if (await StaleAsync(ifMatch, current, cancellationToken) is { } precondition)
        {
            return precondition;
        }

        if (current.Status != VersionStatus.Draft)
        {
            return new Failure.Conflict($"Version {current.Version} is {current.Status}: only drafts are submitted.");
        }

        var report = validator.Validate(current.Json);
        if (!report.IsValid)
        {
            return new Failure.Invalid(
                "The version does not validate or its tests fail; it cannot be submitted.", report.Problems);
        }

        var submitted = current with
        {
            Status = VersionStatus.Submitted, SubmittedBy = actor, SubmittedAt = clock.GetUtcNow(),
        };
        return await SaveAsync(submitted, current, actor, AuditAction.Submitted, comment, cancellationToken);
    }

    public async Task<Outcome<RuleSetVersionRecord>> ReviewAsync(
        RuleSetVersionRecord current, bool approve, string comment, string actor, CancellationToken cancellationToken)
    {
        if (RequireComment(comment, approve ? "An approval" : "A rejection") is { } missing)
        {
            return missing;
        }

        if (current.Status != VersionStatus.Submitted)
        {
            return new Failure.Conflict(
                $"Version {current.Version} is {current.Status}: only submitted versions are reviewed.");
        }

        var entries = await trail.ListAsync(current.Name, cancellationToken);
        if (FourEyesPolicy.Review(actor, current, entries, await store.ListAsync(cancellationToken)) is { } refused)
        {
            return refused;
        }

        var status = approve ? VersionStatus.Approved : VersionStatus.Rejected;
        var reviewed = current with
        {
            Status = status, ReviewedBy = actor, ReviewedAt = clock.GetUtcNow(), ReviewComment = comment,
        };
        var action = approve ? AuditAction.Approved : AuditAction.Rejected;
        return await SaveAsync(reviewed, current, actor, action, comment, cancellationToken);
    }

    /// <summary>An audit entry's comment is the reason an auditor reads later: refused when blank.</summary>
    private static Failure.Invalid? RequireComment(string? comment, string step) =>
        string.IsNullOrWhiteSpace(comment)
            ? Invalid($"{step} needs a comment.", "comment", "Say why; it goes into the audit trail.")
            : null;
}
