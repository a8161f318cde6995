using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Decisions.Api.Auth;
using Decisions.Api.Decisions;
using Decisions.Api.Errors;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Drafts: import, create, save, validate, simulate and analyse impact (editor; validate and impact also approver).
/// </summary>
public static partial class RuleSetEndpoints
{
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

    private static Outcome<RuleSet> Parse(JsonElement file)
    {
        var (content, problem) = RuleSetJson.Parse(file.GetRawText());
        return content is not null
            ? content
            : new Failure.Invalid("The content is not a valid rule-set file.", problem is null ? [] : [problem]);
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
