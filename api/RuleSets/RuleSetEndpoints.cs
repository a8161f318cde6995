using System.Text.Json;
using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.Limits;
using Decisions.Api.OpenApi;
using Decisions.Api.Storage;
using Decisions.Engine.Comparison;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.RuleSets;

/// <summary>Rule sets: read (every back-office role), draft and test (editor), review and publish (approver).</summary>
public static class RuleSetEndpoints
{
    public static IEndpointRouteBuilder MapRuleSetEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/rulesets").WithTags("Rule sets").CommonProblems();
        group.MapGet("", List).RequireAuthorization(Roles.Read).WithSummary("Rule sets with their active, scheduled and pending versions");
        group.MapGet("/{name}/versions/{version:int}", Get).RequireAuthorization(Roles.Read).WithSummary("A version with its content").Problems(404);
        group.MapGet("/{name}/versions/{version:int}/export", Export).RequireAuthorization(Roles.Read).WithSummary("A version as a rule-set file").Problems(404);
        group.MapGet("/{name}/diff", Diff).RequireAuthorization(Roles.Read).WithSummary("Rule-level diff of two versions").Problems(404);
        group.MapPost("/import", Import).RequireAuthorization(Roles.Edit).WithSummary("Import a rule-set file as a new draft").Problems(409, 422);
        group.MapPost("/{name}/drafts", CreateDraft).RequireAuthorization(Roles.Edit).WithSummary("Start a draft from a version or from content").Problems(404, 409, 422);
        group.MapPut("/{name}/versions/{version:int}", UpdateDraft).RequireAuthorization(Roles.Edit).WithSummary("Replace a draft's content").Problems(404, 409, 422);
        group.MapPost("/{name}/versions/{version:int}/validate", Validate).RequireAuthorization(Roles.Edit).WithSummary("Validate and run the embedded tests").Problems(404);
        group.MapPost("/{name}/versions/{version:int}/simulate", Simulate).RequireAuthorization(Roles.Edit).WithSummary("Decide for a sample customer with a trace, unlogged").Problems(404, 422);
        group.MapPost("/{name}/versions/{version:int}/impact", Impact).RequireAuthorization(Roles.Edit).WithSummary("Tier migrations, privileges and actions that would change on recent decisions").Problems(404, 422)
            .WithinAnalysisLimits().WithDescription(ImpactRuns.Description);
        group.MapPost("/{name}/versions/{version:int}/submit", Submit).RequireAuthorization(Roles.Edit).WithSummary("Submit a draft for review").Problems(404, 409, 422);
        group.MapPost("/{name}/versions/{version:int}/approve", Approve).RequireAuthorization(Roles.Approve).WithSummary("Approve (never by its author)").Problems(404, 409);
        group.MapPost("/{name}/versions/{version:int}/reject", Reject).RequireAuthorization(Roles.Approve).WithSummary("Reject a submitted version").Problems(404, 409);
        group.MapPost("/{name}/versions/{version:int}/activate", Activate).RequireAuthorization(Roles.Approve).WithSummary("Activate now or at a future time").Problems(404, 409, 422);
        group.MapPost("/{name}/rollback", Rollback).RequireAuthorization(Roles.Approve).WithSummary("Make an earlier published version active again").Problems(404, 409, 422);
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<RuleSetSummary>>> List(IRuleSetStore store, RuleSetRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var all = await store.ListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<RuleSetSummary>>([.. all.GroupBy(r => r.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RuleSetSummary(
            g.Key, registry.ActiveAt(g.Key, now)?.Version, [.. registry.Scheduled(g.Key, now)], [.. g.OrderBy(r => r.Version).Select(VersionSummary.From)]))]);
    }

    public static async Task<Results<Ok<VersionDetail>, ProblemHttpResult>> Get(string name, int version, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        return record is null ? problem! : TypedResults.Ok(new VersionDetail(name, VersionSummary.From(record), RuleSetLifecycle.Content(record)));
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Export(string name, int version, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        return record is null ? problem! : TypedResults.Text(record.Json, "application/json");
    }

    public static async Task<Results<Ok<IReadOnlyList<RuleChange>>, ProblemHttpResult>> Diff(string name, int from, int to, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var (before, beforeProblem) = await lifecycle.FindAsync(name, from, cancellationToken);
        var (after, afterProblem) = await lifecycle.FindAsync(name, to, cancellationToken);
        if (before is null || after is null)
        {
            return (beforeProblem ?? afterProblem)!;
        }

        return TypedResults.Ok(RuleSetDiff.Compare(RuleSetJson.Parse(before.Json).RuleSet!, RuleSetJson.Parse(after.Json).RuleSet!));
    }

    public static async Task<Results<Created<VersionSummary>, ProblemHttpResult>> Import(JsonElement file, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        var (content, problem) = Parse(file);
        return content is null ? problem! : Created(await lifecycle.CreateDraftAsync(content.Name, content, null, context.User.Actor(), cancellationToken));
    }

    public static async Task<Results<Created<VersionSummary>, ProblemHttpResult>> CreateDraft(string name, CreateDraftRequest request, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        if ((request.From is null) == (request.Content is null))
        {
            return Problems.Unprocessable("Give exactly one of 'from' and 'content'.", [new Problem("from", "Start from a version or from content.")]);
        }

        RuleSet? content = null;
        if (request.Content is { } json)
        {
            (content, var problem) = Parse(json);
            if (content is null)
            {
                return problem!;
            }
        }

        return Created(await lifecycle.CreateDraftAsync(name, content, request.From, context.User.Actor(), cancellationToken));
    }

    public static async Task<Results<Ok<VersionSummary>, ProblemHttpResult>> UpdateDraft(string name, int version, JsonElement file, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        var (current, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        var (content, parseProblem) = Parse(file);
        if (current is null || content is null)
        {
            return (problem ?? parseProblem)!;
        }

        return Ok(await lifecycle.UpdateDraftAsync(current, content, context.User.Actor(), cancellationToken));
    }

    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> Validate(string name, int version, RuleSetLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        var report = lifecycle.Validate(record);
        return TypedResults.Ok(new ValidationResponse(report.IsValid, report.Problems, report.Tests?.Passed ?? 0, report.Tests?.Failed ?? 0, TestResult.From(report.Tests)));
    }

    public static async Task<Results<Ok<SimulationResponse>, ProblemHttpResult>> Simulate(string name, int version, SimulateRequest request, RuleSetLifecycle lifecycle, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        var report = lifecycle.Validate(record);
        if (report.Compiled is not { } compiled)
        {
            return Problems.Unprocessable("The version does not compile; validate it to see why.", report.Problems);
        }

        var result = compiled.Evaluate(request.Customer, request.AsOf ?? clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SimulationResponse(result.Decision, result.Failure, result.Problems, result.Trace));
    }

    public static async Task<Results<Ok<ImpactReport>, ProblemHttpResult>> Impact(
        string name, int version, ImpactRequest request, RuleSetLifecycle lifecycle, ImpactRuns runs, HttpContext context, CancellationToken cancellationToken)
    {
        if (request.Last is < 1 or > 100_000)
        {
            return Problems.Unprocessable("'last' must be between 1 and 100,000.", [new Problem("last", $"Got {request.Last}.")]);
        }

        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        var report = lifecycle.Validate(record);
        if (report.Compiled is not { } compiled)
        {
            return Problems.Unprocessable("The version does not compile; validate it to see why.", report.Problems);
        }

        return await runs.RunAsync(record, compiled, request.Last, context.User, cancellationToken);
    }

    public static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Submit(string name, int version, ReviewRequest request, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken) =>
        Step(name, version, lifecycle, record => lifecycle.SubmitAsync(record, request.Comment, context.User.Actor(), cancellationToken), cancellationToken);

    public static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Approve(string name, int version, ReviewRequest request, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken) =>
        Step(name, version, lifecycle, record => lifecycle.ReviewAsync(record, true, request.Comment, context.User.Actor(), cancellationToken), cancellationToken);

    public static Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Reject(string name, int version, ReviewRequest request, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken) =>
        Step(name, version, lifecycle, record => lifecycle.ReviewAsync(record, false, request.Comment, context.User.Actor(), cancellationToken), cancellationToken);

    public static async Task<Results<Ok<Activation>, ProblemHttpResult>> Activate(string name, int version, ActivateRequest request, RuleSetLifecycle lifecycle, HttpContext context, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        var (activation, activationProblem) = await lifecycle.ActivateAsync(record, request.EffectiveAt, "activate", request.Comment, context.User.Actor(), cancellationToken);
        return activation is null ? activationProblem! : TypedResults.Ok(activation);
    }

    public static async Task<Results<Ok<Activation>, ProblemHttpResult>> Rollback(string name, RollbackRequest request, RuleSetLifecycle lifecycle, RuleSetRegistry registry, HttpContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, request.ToVersion, cancellationToken);
        if (record is null)
        {
            return problem!;
        }

        if (registry.ActiveAt(name, clock.GetUtcNow())?.Version == request.ToVersion)
        {
            return Problems.Conflict($"Version {request.ToVersion} is already active.");
        }

        var (activation, activationProblem) = await lifecycle.ActivateAsync(record, null, "rollback", request.Comment, context.User.Actor(), cancellationToken);
        return activation is null ? activationProblem! : TypedResults.Ok(activation);
    }

    private static async Task<Results<Ok<VersionSummary>, ProblemHttpResult>> Step(
        string name, int version, RuleSetLifecycle lifecycle,
        Func<RuleSetVersionRecord, Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)>> step, CancellationToken cancellationToken)
    {
        var (record, problem) = await lifecycle.FindAsync(name, version, cancellationToken);
        return record is null ? problem! : Ok(await step(record));
    }

    private static (RuleSet? Content, ProblemHttpResult? Problem) Parse(JsonElement file)
    {
        var (content, problem) = RuleSetJson.Parse(file.GetRawText());
        return content is null ? (null, Problems.Unprocessable("The content is not a valid rule-set file.", [problem!])) : (content, null);
    }

    private static Results<Ok<VersionSummary>, ProblemHttpResult> Ok((RuleSetVersionRecord? Record, ProblemHttpResult? Problem) result) =>
        result.Record is null ? result.Problem! : TypedResults.Ok(VersionSummary.From(result.Record));

    private static Results<Created<VersionSummary>, ProblemHttpResult> Created((RuleSetVersionRecord? Record, ProblemHttpResult? Problem) result) =>
        result.Record is null ? result.Problem! : TypedResults.Created($"/v1/rulesets/{result.Record.Name}/versions/{result.Record.Version}", VersionSummary.From(result.Record));
}
