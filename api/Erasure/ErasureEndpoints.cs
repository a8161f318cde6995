using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Erasure;

/// <summary>
/// Lawful erasure of a customer's personal data from the decision log; retention runs in the background.
/// </summary>
public static class ErasureEndpoints
{
    public const string Description =
        "Erases the input, output and customer id of every decision logged for the customer; each keeps its id, "
        + "sequence, times, rule set, digest and link hash, so the log still verifies. One change-trail entry records "
        + "the actor, the reason, the count and the SHA-256 of the customer id (not the id). Reading an erased "
        + "decision shows `erasure`; replaying it answers 410. Asking again erases nothing more and is audited again.";

    public static IHostApplicationBuilder AddErasure(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DecisionErasures>();
        builder.Services.AddHostedService<RetentionSweep>();
        return builder;
    }

    public static IEndpointRouteBuilder MapErasureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/erasures").WithTags("Operations").RequireAuthorization(Roles.Operate)
            .CommonProblems();
        group.MapPost("", Erase).WithName("EraseCustomer")
            .WithSummary("Erase a customer's personal data from the decision log")
            .WithDescription(Description)
            .Problems(422);
        return endpoints;
    }

    public static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> Erase(
        ErasureRequest request, DecisionErasures erasures, HttpContext context, CancellationToken cancellationToken)
    {
        var erased = await erasures.EraseCustomerAsync(request, context.User.Actor(), cancellationToken);
        return erased.Succeeded ? TypedResults.Ok(erased.Value) : erased.Failure.ToProblem();
    }
}
