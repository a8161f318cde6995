using System.ComponentModel;
using Decisions.Api.Audit;
using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.Limits;
using Decisions.Api.Lists;
using Decisions.Api.Observability;
using Decisions.Api.OpenApi;
using Decisions.Api.Storage;
using Decisions.Engine.Comparison;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Rule sets: read (every back-office role), draft and test (editor), review and publish (approver).
/// </summary>
public static partial class RuleSetEndpoints
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
}
