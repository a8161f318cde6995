using Decisions.Api.Auth;
using Decisions.Api.Checkpoints;
using Decisions.Api.Errors;
using Decisions.Api.Observability;
using Decisions.Api.OpenApi;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Audit;

/// <summary>The change trail, its verification, and which version was active when.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Audit).CommonProblems()
            .AddEndpointFilterFactory(ExplicitOffsetQuery.Filter);
        group.MapGet("", List).WithSummary("The change trail: who changed what, when and why");
        group.MapGet("/verify", Verify).WithSummary("Verify the change trail, the decision log, the stored versions and the activations");
        group.MapPost("/verify", VerifyAgainst).WithName("VerifyAgainstCheckpoint").Problems(422)
            .WithSummary("Verify everything, and that both chains extend a checkpoint this service signed earlier");
        group.MapGet("/active/{name}", ActiveAt).WithSummary("Which version of a rule set was active at a given time").Problems(404);
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> List(IAuditTrail trail, CancellationToken cancellationToken, string? ruleSet = null) =>
        TypedResults.Ok(await trail.ListAsync(ruleSet, cancellationToken));

    public static async Task<Ok<ChainReport>> Verify(IAuditTrail trail, TimeProvider clock, CancellationToken cancellationToken)
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

    public static Results<Ok<Activation>, ProblemHttpResult> ActiveAt(string name, DateTimeOffset at, RuleSetRegistry registry) =>
        registry.ActiveAt(name, at) is { } activation
            ? TypedResults.Ok(activation)
            : Problems.NotFound($"No version of '{name}' was active at {at:O}.");
}
