using Decisions.Api.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Errors;

/// <summary>The one place where a domain <see cref="Failure"/> becomes an RFC 9457 problem.</summary>
public static class ProblemMapping
{
    public static ProblemHttpResult ToProblem(this Failure failure) => failure switch
    {
        Failure.NotFound f => Problems.NotFound(f.Detail),
        Failure.Conflict f => Problems.Conflict(f.Detail),
        Failure.PreconditionFailed f => Problems.PreconditionFailed(f.Detail),
        Failure.Gone f => Problems.Gone(f.Detail),
        Failure.FourEyes f => Problems.Forbidden(f.Detail),
        Failure.Invalid f => Problems.Unprocessable(f.Title, f.Problems),
        Failure.KeyMalformed f => IdempotencyProblems.Malformed(f.Detail),
        Failure.KeyReused f => IdempotencyProblems.Reused(f.Detail),
        Failure.KeyInFlight f => IdempotencyProblems.InFlight(f.Detail, f.RetryAfterSeconds),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "A failure kind without a problem."),
    };
}
