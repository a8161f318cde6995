using Decisions.Api.Audit;
using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Decisions.Api.RuleSets;

/// <summary>Review and publishing: submit (editor), approve, reject, activate, cancel, roll back (approver).</summary>
public static partial class RuleSetEndpoints
{
    public static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Submit(
        string name, int version, ReviewRequest request, [FromHeader(Name = "If-Match")] string? ifMatch,
        RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken) =>
        Step(name, version, lifecycle, context, record =>
            lifecycle.SubmitAsync(record, request.Comment, ifMatch, context.User.Actor(), cancellationToken),
            cancellationToken);

    public static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Approve(
        string name, int version, ReviewRequest request, RuleSetLifecycle lifecycle, HttpContext context,
        CancellationToken cancellationToken) =>
        Step(name, version, lifecycle, context, record =>
            lifecycle.ReviewAsync(record, true, request.Comment, context.User.Actor(), cancellationToken),
            cancellationToken);

    public static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Reject(
        string name, int version, ReviewRequest request, RuleSetLifecycle lifecycle, HttpContext context,
        CancellationToken cancellationToken) =>
        Step(name, version, lifecycle, context, record =>
            lifecycle.ReviewAsync(record, false, request.Comment, context.User.Actor(), cancellationToken),
            cancellationToken);

    public static async Task<Results<Ok<ActivationEntry>, ProblemHttpResult>> Activate(
        string name, int version, ActivateRequest request, RuleSetLifecycle lifecycle, HttpContext context,
        CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure.ToProblem();
        }

        var (actor, kind) = (context.User.Actor(), ActivationKind.Activate);
        return Ok(await lifecycle.ActivateAsync(
            found.Value, request.EffectiveAt, kind, request.Comment, actor, cancellationToken));
    }

    public static async Task<Results<Ok<ActivationEntry>, ProblemHttpResult>> Rollback(
        string name, RollbackRequest request, RuleSetLifecycle lifecycle, HttpContext context,
        CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, request.ToVersion, cancellationToken);
        return found.Succeeded
            ? Ok(await lifecycle.RollbackAsync(found.Value, request.Comment, context.User.Actor(), cancellationToken))
            : found.Failure.ToProblem();
    }

    public static async Task<Results<Ok<ActivationEntry>, ProblemHttpResult>> CancelScheduled(
        string name, long sequence, ReviewRequest request, RuleSetLifecycle lifecycle, HttpContext context,
        CancellationToken cancellationToken) =>
        Ok(await lifecycle.CancelScheduledAsync(
            name, sequence, request.Comment, context.User.Actor(), cancellationToken));

    private static async Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Step(
        string name, int version, RuleSetLifecycle lifecycle, HttpContext context,
        Func<RuleSetVersionRecord, Task<Outcome<RuleSetVersionRecord>>> step, CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        return found.Succeeded ? Ok(await step(found.Value), context) : found.Failure.ToProblem();
    }

    private static Results<Ok<ActivationEntry>, ProblemHttpResult> Ok(Outcome<Activation> outcome) =>
        outcome.Succeeded ? TypedResults.Ok(ActivationEntry.From(outcome.Value)) : outcome.Failure.ToProblem();

    /// <summary>A version's answer carries its entity tag, for the <c>If-Match</c> of the next change.</summary>
    private static Results<Ok<VersionSummary>, ProblemHttpResult> Ok(
        Outcome<RuleSetVersionRecord> outcome, HttpContext context)
    {
        if (!outcome.Succeeded)
        {
            return outcome.Failure.ToProblem();
        }

        context.Response.Headers.ETag = VersionTag.Of(outcome.Value);
        return TypedResults.Ok(VersionSummary.From(outcome.Value));
    }
}
