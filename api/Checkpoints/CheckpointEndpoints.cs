using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Checkpoints;

/// <summary>Signed checkpoints of the change trail and the decision log, and the key that verifies them.</summary>
public static class CheckpointEndpoints
{
    public static IEndpointRouteBuilder MapCheckpointEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/checkpoints")
            .WithTags("Checkpoints")
            .RequireAuthorization(Roles.Audit)
            .CommonProblems();
        group.MapPost("", Sign).WithName("SignCheckpoint")
            .WithSummary(
                "Sign a checkpoint of both chains now; keep it outside the service and verify against it later");
        group.MapGet("", List)
            .WithName("ListCheckpoints")
            .WithSummary("The checkpoints the service signed, newest first");
        group.MapGet("/key", Key)
            .WithName("GetCheckpointKey")
            .WithSummary("The public key that verifies the checkpoints");
        return endpoints;
    }

    public static async Task<Created<SignedCheckpoint>> Sign(CheckpointNotary notary,
        CancellationToken cancellationToken) =>
        TypedResults.Created((string?)null, await notary.SignAsync(cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<SignedCheckpoint>>, ProblemHttpResult>> List(
        CheckpointNotary notary, CancellationToken cancellationToken, int limit = 100) =>
        limit is < 1 or > 1_000
            ? Problems.Of(ProblemTypes.InvalidParameter, "'limit' must be between 1 and 1,000.")
            : TypedResults.Ok(await notary.ListAsync(limit, cancellationToken));

    public static Ok<CheckpointKey> Key(CheckpointNotary notary) => TypedResults.Ok(notary.PublicKey);
}
