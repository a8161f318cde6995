using Decisions.Api.Auth;
using Decisions.Api.Decisions;
using Decisions.Api.Errors;
using Decisions.Api.Limits;
using Decisions.Api.OpenApi;
using Decisions.Api.Outcomes;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Analysis;

/// <summary>
/// Replay of a range and impact as long-running operations: <c>POST</c> starts a run and answers 202 with its
/// <c>Location</c>; <c>GET</c> there tells its progress and, once done, its result; <c>DELETE</c> cancels it.
/// Only the key that started a run sees it.
/// </summary>
public static class AnalysisRunEndpoints
{
    private const string RunsDescription =
        "Runs in the background within the analysis limits (429 with Retry-After beyond them). Poll the `Location` "
        + "for progress (`read`, `percent` of the period read) and the result; DELETE it to cancel. Finished runs are "
        + "kept `Limits:Analysis:KeptMinutes` minutes (default 60), at most `Limits:Analysis:KeptRuns` (default 100).";

    public static IEndpointRouteBuilder MapAnalysisRunEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/v1/decisions/replay/runs").WithTags("Decisions").CommonProblems()
            .MapPost("", StartReplay).WithName("StartReplayRun").RequireAuthorization(Roles.Audit)
            .WithSummary("Start replaying the decisions of a time range")
            .WithDescription(RunsDescription)
            .Problems(422)
            .WithinAnalysisLimits()
            .AddEndpointFilterFactory(ExplicitOffsetQuery.Filter);
        endpoints.MapGroup("/v1/rulesets/{name}/versions/{version:int}/impact/runs")
            .WithTags("Rule sets")
            .CommonProblems()
            .MapPost("", StartImpact)
            .WithName("StartImpactRun")
            .RequireAuthorization(Roles.Edit)
            .WithSummary("Start an impact analysis over the customers of a period")
            .WithDescription(RunsDescription + " " + ImpactRuns.Description).Problems(404, 422).WithinAnalysisLimits();
        var runs = endpoints.MapGroup("/v1/analysis-runs")
            .WithTags("Analysis runs")
            .CommonProblems()
            .RequireAuthorization(Roles.SignedIn);
        runs.MapGet("/{id}", Get)
            .WithName("GetAnalysisRun")
            .WithSummary("A run's progress, and its result once done")
            .Problems(404);
        runs.MapDelete("/{id}", Cancel)
            .WithName("CancelAnalysisRun")
            .WithSummary("Cancel a run; answers its state once it has stopped")
            .Problems(404);
        return endpoints;
    }

    public static Results<Accepted<AnalysisRunStatus>, ProblemHttpResult> StartReplay(
        ReplayRunRequest request, RangeReplay replay, AnalysisRuns runs, HttpContext context)
    {
        if (request.Limit is < 1 || request.To <= request.From)
        {
            return Problems.Unprocessable("Give a range with 'from' before 'to' and a limit of at least 1.",
                [new Problem("to", "Check the range and the limit.")]);
        }

        var query = new DecisionQuery(request.CustomerId, request.RuleSet, request.From, request.To,
            request.Limit ?? int.MaxValue);
        var progress = new AnalysisProgress(request.Limit);
        return Accepted(runs.Start(context.User.Actor(), AnalysisKind.Replay, AnalysisLease.Of(context).Take(),
            progress, async token => new AnalysisResult(Replay: await replay.RunAsync(query, progress, token))));
    }

    public static async Task<Results<Accepted<AnalysisRunStatus>, ProblemHttpResult>> StartImpact(
        string name, int version, ImpactRequest request, RuleSetLifecycle lifecycle,
        ImpactRuns impact, AnalysisRuns runs,
        HttpContext context, CancellationToken cancellationToken)
    {
        var prepared = await RuleSetEndpoints.PrepareImpactAsync(name, version, request, lifecycle, impact,
            context.User, cancellationToken);
        if (!prepared.Succeeded)
        {
            return prepared.Failure.ToProblem();
        }

        var run = prepared.Value;
        return Accepted(runs.Start(context.User.Actor(), AnalysisKind.Impact, AnalysisLease.Of(context).Take(),
            run.Progress, async token => new AnalysisResult(Impact: await run.RunAsync(token))));
    }

    public static Results<Ok<AnalysisRunStatus>, ProblemHttpResult> Get(string id,
        AnalysisRuns runs, HttpContext context) =>
        runs.Find(id, context.User.Actor()) is { } run ? TypedResults.Ok(run.Status()) : NotFound(id);

    public static async Task<Results<Ok<AnalysisRunStatus>, ProblemHttpResult>> Cancel(
        string id, AnalysisRuns runs, HttpContext context, CancellationToken cancellationToken)
    {
        if (runs.Find(id, context.User.Actor()) is not { } run)
        {
            return NotFound(id);
        }

        // A run stops within one chunk of decisions: the answer tells how it ended.
        await run.CancelAsync();
        await run.Completion.WaitAsync(cancellationToken);
        return TypedResults.Ok(run.Status());
    }

    private static Accepted<AnalysisRunStatus> Accepted(AnalysisRun run) =>
        TypedResults.Accepted($"/v1/analysis-runs/{run.Id}", run.Status());

    private static ProblemHttpResult NotFound(string id) =>
        new Failure.NotFound(Missing.AnalysisRun, $"No analysis run '{id}' of this key.").ToProblem();
}
