using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Decisions.Api.Audit;
using Decisions.Api.Auth;
using Decisions.Api.Decisions;
using Decisions.Api.Errors;
using Decisions.Api.Limits;
using Decisions.Api.Lists;
using Decisions.Api.Observability;
using Decisions.Api.OpenApi;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Comparison;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Rule sets: read (every back-office role), draft and test (editor), review and publish (approver).
/// </summary>
public static class RuleSetEndpoints
{
    private const string ListName = "rulesets";

    public static IEndpointRouteBuilder MapRuleSetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/rulesets").WithTags("Rule sets").CommonProblems();
        group.MapGet("", List)
            .WithName("ListRuleSets")
            .RequireAuthorization(Roles.Read)
            .WithSummary("Rule sets with their active, scheduled and pending versions")
            .WithDescription("By name; a page's `next` continues after its last name.");
        group.MapGet("/{name}/versions/{version:int}", Get)
            .WithName("GetRuleSetVersion")
            .RequireAuthorization(Roles.Read)
            .WithSummary("A version with its content")
            .Problems(404);
        group.MapGet("/{name}/versions/{version:int}/export", Export)
            .WithName("ExportRuleSetVersion")
            .RequireAuthorization(Roles.Read)
            .WithSummary("A version as a rule-set file")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Problems(404);
        group.MapGet("/{name}/diff", Diff)
            .WithName("DiffRuleSetVersions")
            .RequireAuthorization(Roles.Read)
            .WithSummary("Rule-level diff of two versions")
            .Problems(404);
        group.MapPost("/import", Import)
            .WithName("ImportRuleSet")
            .RequireAuthorization(Roles.Edit)
            .WithSummary("Import a rule-set file as a new draft")
            .Problems(409, 422)
            .Traced("import");
        group.MapPost("/{name}/drafts", CreateDraft)
            .WithName("CreateDraft")
            .RequireAuthorization(Roles.Edit)
            .WithSummary("Start a draft from a version or from content")
            .Problems(404, 409, 422)
            .Traced("create_draft");
        group.MapPut("/{name}/versions/{version:int}", UpdateDraft)
            .WithName("UpdateDraft")
            .RequireAuthorization(Roles.Edit)
            .WithSummary("Replace a draft's content; If-Match guards against lost updates")
            .Problems(404, 409, 412, 422)
            .Traced("update_draft");
        group.MapPost("/{name}/versions/{version:int}/validate", Validate)
            .WithName("ValidateVersion")
            .RequireAuthorization(Roles.Review)
            .WithSummary("Validate and run the embedded tests")
            .Problems(404);
        group.MapPost("/{name}/versions/{version:int}/simulate", Simulate)
            .WithName("SimulateDecision")
            .RequireAuthorization(Roles.Edit)
            .WithSummary("Decide for a sample customer with a trace, unlogged")
            .Problems(404, 422);
        group.MapPost("/{name}/versions/{version:int}/impact", Impact)
            .WithName("AnalyseImpact")
            .RequireAuthorization(Roles.Review)
            .WithSummary("Tier migrations, privileges and actions that would change on recent decisions")
            .Problems(404, 422)
            .WithinAnalysisLimits()
            .WithDescription(ImpactRuns.Description);
        group.MapPost("/{name}/versions/{version:int}/submit", Submit)
            .WithName("SubmitVersion")
            .RequireAuthorization(Roles.Edit)
            .WithSummary("Submit a draft for review; If-Match guards against lost updates")
            .Problems(404, 409, 412, 422)
            .Traced("submit");
        group.MapPost("/{name}/versions/{version:int}/approve", Approve)
            .WithName("ApproveVersion")
            .RequireAuthorization(Roles.Approve)
            .WithSummary("Approve (never by anyone who wrote its content); a comment is required")
            .Problems(404, 409, 422)
            .Traced("approve");
        group.MapPost("/{name}/versions/{version:int}/reject", Reject)
            .WithName("RejectVersion")
            .RequireAuthorization(Roles.Approve)
            .WithSummary("Reject a submitted version; a comment is required")
            .Problems(404, 409, 422)
            .Traced("reject");
        group.MapPost("/{name}/versions/{version:int}/activate", Activate)
            .WithName("ActivateVersion")
            .RequireAuthorization(Roles.Approve)
            .WithSummary("Activate now or at a future time")
            .Problems(404, 409, 422)
            .Traced("activate");
        group.MapPost("/{name}/activations/{sequence:long}/cancel", CancelScheduled)
            .WithName("CancelActivation")
            .RequireAuthorization(Roles.Approve)
            .WithSummary("Cancel a scheduled activation that has not taken effect")
            .Problems(404, 409, 422)
            .Traced("cancel_activation");
        group.MapPost("/{name}/rollback", Rollback)
            .WithName("RollBackRuleSet")
            .RequireAuthorization(Roles.Approve)
            .WithSummary("Make an earlier published version active again")
            .Problems(404, 409, 422)
            .Traced("rollback");
        return endpoints;
    }

    public static async Task<Results<Ok<ListPage<RuleSetSummary>>, ProblemHttpResult>> List(
        IRuleSetStore store, RuleSetRegistry registry, TimeProvider clock, CancellationToken cancellationToken,
        [Description(PageCursor.LimitDescription)] int limit = PageCursor.DefaultLimit,
        [Description(PageCursor.CursorDescription)] string? cursor = null)
    {
        if (PageCursor.Refuse(ListName, limit, cursor, out string? after) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var all = await store.ListAsync(cancellationToken);
        var rest = all.GroupBy(r => r.Name)
            .Where(g => after is null || string.CompareOrdinal(g.Key, after) > 0)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RuleSetSummary(
                g.Key,
                registry.ActiveAt(g.Key, now)?.Version,
                [.. registry.Scheduled(g.Key, now).Select(ActivationEntry.From)],
                [.. g.OrderBy(r => r.Version).Select(VersionSummary.From)]));
        return TypedResults.Ok(PageCursor.Page(ListName, rest, limit, summary => summary.Name));
    }

    public static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> Get(
        string name, int version, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure.ToProblem();
        }

        context.Response.Headers.ETag = VersionTag.Of(found.Value);
        var content = RuleSetLifecycle.Content(found.Value);
        var (contributors, submitComment) = await lifecycle.ReviewFactsAsync(found.Value, cancellationToken);
        return TypedResults.Ok(new VersionDetail(
            name,
            VersionSummary.From(found.Value),
            content,
            [.. contributors.Order(StringComparer.Ordinal)],
            submitComment));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(
        string name, int version, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        return found.Succeeded ? TypedResults.Text(found.Value.Json, "application/json") : found.Failure.ToProblem();
    }

    public static async Task<Results<Ok<IReadOnlyList<RuleChange>>, ProblemHttpResult>> Diff(
        string name, int from, int to, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var before = await lifecycle.FindAsync(name, from, cancellationToken);
        var after = await lifecycle.FindAsync(name, to, cancellationToken);
        if (!before.Succeeded)
        {
            return before.Failure.ToProblem();
        }

        if (!after.Succeeded)
        {
            return after.Failure.ToProblem();
        }

        var (older, newer) =
            (RuleSetJson.Parse(before.Value.Json).RuleSet!, RuleSetJson.Parse(after.Value.Json).RuleSet!);
        return TypedResults.Ok(RuleSetDiff.Compare(older, newer));
    }

    public static async Task<Results<Created<VersionSummary>, ProblemHttpResult>> Import(
        JsonElement file, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        var parsed = Parse(file);
        if (!parsed.Succeeded)
        {
            return parsed.Failure.ToProblem();
        }

        var actor = context.User.Actor();
        var created = await lifecycle.CreateDraftAsync(parsed.Value.Name, parsed.Value, null, actor, cancellationToken);
        return Created(created, context);
    }

    public static async Task<Results<Created<VersionSummary>, ProblemHttpResult>> CreateDraft(
        string name, CreateDraftRequest request, RuleSetLifecycle lifecycle, HttpContext context,
        CancellationToken cancellationToken)
    {
        if ((request.From is null) == (request.Content is null))
        {
            return Problems.Unprocessable(
                "Give exactly one of 'from' and 'content'.",
                [new Problem("from", "Start from a version or from content.")]);
        }

        RuleSet? content = null;
        if (request.Content is { } json)
        {
            var parsed = Parse(json);
            if (!parsed.Succeeded)
            {
                return parsed.Failure.ToProblem();
            }

            content = parsed.Value;
        }

        var actor = context.User.Actor();
        var created = await lifecycle.CreateDraftAsync(name, content, request.From, actor, cancellationToken);
        return Created(created, context);
    }

    public static async Task<Results<Ok<VersionSummary>, ProblemHttpResult>> UpdateDraft(
        string name, int version, JsonElement file, [FromHeader(Name = "If-Match")] string? ifMatch,
        RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        var current = await lifecycle.FindAsync(name, version, cancellationToken);
        if (!current.Succeeded)
        {
            return current.Failure.ToProblem();
        }

        var content = Parse(file);
        if (!content.Succeeded)
        {
            return content.Failure.ToProblem();
        }

        var updated = await lifecycle.UpdateDraftAsync(
            current.Value, content.Value, ifMatch, context.User.Actor(), cancellationToken);
        return Ok(updated, context);
    }

    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> Validate(
        string name, int version, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure.ToProblem();
        }

        var report = lifecycle.Validate(found.Value);
        return TypedResults.Ok(new ValidationResponse(
            report.IsValid,
            report.Problems,
            report.Tests?.Passed ?? 0,
            report.Tests?.Failed ?? 0,
            TestResult.From(report.Tests)));
    }

    public static async Task<Results<Ok<SimulationResponse>, ProblemHttpResult>> Simulate(
        string name, int version, SimulateRequest request,
        [FromQuery, Description(ExplainOption.Description)] string? explain,
        RuleSetLifecycle lifecycle, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ExplainOption.Parse(explain, request.Explain, out var level) is { } refused)
        {
            return refused.ToProblem();
        }

        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure.ToProblem();
        }

        var report = lifecycle.Validate(found.Value);
        if (report.Compiled is not { } compiled)
        {
            return Problems.Unprocessable("The version does not compile; validate it to see why.", report.Problems);
        }

        var result = compiled.Evaluate(request.Customer, request.AsOf ?? clock.GetUtcNow(), level, cancellationToken);
        return TypedResults.Ok(new SimulationResponse(result.Decision, result.Failure, result.Problems, result.Trace));
    }

    public static async Task<Results<Ok<ImpactReport>, ProblemHttpResult>> Impact(
        string name, int version, ImpactRequest request, RuleSetLifecycle lifecycle, ImpactRuns runs,
        HttpContext context, CancellationToken cancellationToken)
    {
        var run = await PrepareImpactAsync(name, version, request, lifecycle, runs, context.User, cancellationToken);
        return run.Succeeded ? TypedResults.Ok(await run.Value.RunAsync(cancellationToken)) : run.Failure.ToProblem();
    }

    /// <summary>
    /// The impact run a request asks for, not started: the same checks whether answered now or run on.
    /// </summary>
    public static async Task<Outcome<ImpactRun>> PrepareImpactAsync(
        string name, int version, ImpactRequest request, RuleSetLifecycle lifecycle, ImpactRuns runs,
        ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (request.Last is < 1 || request.To <= request.From)
        {
            return new Failure.Invalid("Give a period with 'from' before 'to', and 'last' of at least 1.",
                [new Problem(
                    request.Last is < 1 ? "last" : "to",
                    $"Got last {request.Last}, from {request.From:O}, to {request.To:O}.")]);
        }

        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure;
        }

        var report = lifecycle.Validate(found.Value);
        if (report.Compiled is not { } compiled)
        {
            return new Failure.Invalid("The version does not compile; validate it to see why.", report.Problems);
        }

        return await runs.PrepareAsync(found.Value, compiled, request, user, cancellationToken);
    }

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

    private static Outcome<RuleSet> Parse(JsonElement file)
    {
        var (content, problem) = RuleSetJson.Parse(file.GetRawText());
        return content is not null
            ? content
            : new Failure.Invalid("The content is not a valid rule-set file.", problem is null ? [] : [problem]);
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

    private static Results<Created<VersionSummary>, ProblemHttpResult> Created(
        Outcome<RuleSetVersionRecord> outcome, HttpContext context)
    {
        if (!outcome.Succeeded)
        {
            return outcome.Failure.ToProblem();
        }

        context.Response.Headers.ETag = VersionTag.Of(outcome.Value);
        var location = $"/v1/rulesets/{outcome.Value.Name}/versions/{outcome.Value.Version}";
        return TypedResults.Created(location, VersionSummary.From(outcome.Value));
    }
}
