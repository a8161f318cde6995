using Decisions.Api.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Errors;

/// <summary>The one place where a domain <see cref="Failure"/> becomes an RFC 9457 problem.</summary>
public static class ProblemMapping
{
    public static ProblemHttpResult ToProblem(this Failure failure) => failure switch
    {
        Failure.NotFound f => Problems.Of(Missed(f.What), f.Detail),
        Failure.Conflict f => Problems.Of(ProblemTypes.Conflict, f.Detail),
        Failure.PreconditionFailed f => Problems.Of(ProblemTypes.PreconditionFailed, f.Detail, LastWriter(f)),
        Failure.Gone f => Problems.Of(ProblemTypes.Erased, f.Detail),
        Failure.FourEyes f => Problems.Of(ProblemTypes.FourEyes, f.Detail),
        Failure.Invalid f => Problems.Unprocessable(f.Title, f.Problems),
        Failure.KeyMalformed f => Problems.Of(ProblemTypes.IdempotencyKeyMalformed, f.Detail),
        Failure.KeyReused f => Problems.Of(ProblemTypes.IdempotencyKeyReused, f.Detail),
        Failure.KeyInFlight f => RetryAfter.Problem(ProblemTypes.IdempotencyKeyInFlight, f.Detail, f.RetryAfterSeconds),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "A failure kind without a problem."),
    };

    // Who saved the content the client did not read, for a client to name them beside its own reload offer.
    private static Dictionary<string, object?>? LastWriter(Failure.PreconditionFailed failure) =>
        failure.SavedBy is null ? null : new() { ["savedBy"] = failure.SavedBy, ["savedAt"] = failure.SavedAt };

    private static ProblemType Missed(Missing what) => what switch
    {
        Missing.RuleSet => ProblemTypes.UnknownRuleSet,
        Missing.Version => ProblemTypes.UnknownVersion,
        Missing.Activation => ProblemTypes.UnknownActivation,
        Missing.Decision => ProblemTypes.UnknownDecision,
        _ => ProblemTypes.UnknownAnalysisRun,
    };
}
