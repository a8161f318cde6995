using System.ComponentModel;
using System.Globalization;
using Decisions.Api.Auth;
using Decisions.Api.Checkpoints;
using Decisions.Api.Errors;
using Decisions.Api.Lists;
using Decisions.Api.Observability;
using Decisions.Api.OpenApi;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Audit;

/// <summary>The change trail, its verification, and which version was active when.</summary>
public static class AuditEndpoints
{
    private const string ListName = "audit";

    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Audit).CommonProblems()
            .AddEndpointFilterFactory(ExplicitOffsetQuery.Filter);
        group.MapGet("", List)
            .WithName("ListAuditEntries")
            .WithSummary("The change trail: who changed what, when and why")
            .WithDescription(
                "Oldest first; a page's `next` continues after its last entry, "
                + "so entries appended meanwhile come on later pages.");
        group.MapGet("/verify", Verify)
            .WithName("VerifyChains")
            .WithSummary("Verify the change trail, the decision log, the stored versions and the activations");
        group.MapPost("/verify", VerifyAgainst).WithName("VerifyAgainstCheckpoint").Problems(422)
            .WithSummary("Verify everything, and that both chains extend a checkpoint this service signed earlier");
        group.MapGet("/active/{name}", ActiveAt)
            .WithName("GetActiveVersionAt")
            .WithSummary("Which version of a rule set was active at a given time")
            .Problems(404);
        return endpoints;
    }

    public static async Task<Results<Ok<ListPage<TrailEntry>>, ProblemHttpResult>> List(
        IAuditTrail trail, CancellationToken cancellationToken, string? ruleSet = null,
        [Description(PageCursor.LimitDescription)] int limit = PageCursor.DefaultLimit,
        [Description(PageCursor.CursorDescription)] string? cursor = null)
    {
        if (PageCursor.Refuse(ListName, limit, cursor, out long? after) is { } refused)
        {
            return refused;
        }

        // One entry more than the page tells whether a next page exists.
        var entries = await trail.PageAsync(ruleSet, after ?? 0, limit + 1, cancellationToken);
        var rest = entries.Select(TrailEntry.From);
        return TypedResults.Ok(
            PageCursor.Page(ListName, rest, limit, e => e.Sequence.ToString(CultureInfo.InvariantCulture)));
    }

    public static async Task<Ok<ChainReport>> Verify(IAuditTrail trail, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var report = await trail.VerifyAsync(null, cancellationToken);
        VerificationMetrics.Verified(report, clock.GetUtcNow());
        return TypedResults.Ok(report);
    }

    public static async Task<Results<Ok<ChainReport>, ProblemHttpResult>> VerifyAgainst(
        SignedCheckpoint checkpoint, CheckpointNotary notary, CancellationToken cancellationToken)
    {
        var verified = await notary.VerifyAsync(checkpoint, cancellationToken);
        return verified.Succeeded ? TypedResults.Ok(verified.Value) : verified.Failure.ToProblem();
    }

    public static Results<Ok<ActivationEntry>, ProblemHttpResult> ActiveAt(
        string name, DateTimeOffset at, RuleSetRegistry registry) =>
        registry.ActiveAt(name, at) is { } activation
            ? TypedResults.Ok(ActivationEntry.From(activation))
            : Problems.Of(ProblemTypes.UnknownRuleSet, $"No version of '{name}' was active at {at:O}.");
}
