using Decisions.Engine.Model;

namespace Decisions.Api.Outcomes;

/// <summary>
/// Why a lifecycle step or a decision was not done, in domain terms. The services return these and never HTTP
/// results; <see cref="Errors.ProblemMapping"/> is the one place that turns each kind into an RFC 9457 problem.
/// </summary>
public abstract record Failure(string Detail)
{
    /// <summary>The rule set, version, activation, decision or analysis run does not exist.</summary>
    public sealed record NotFound(Missing What, string Detail) : Failure(Detail);

    /// <summary>The step does not fit the current state, or another request changed it first.</summary>
    public sealed record Conflict(string Detail) : Failure(Detail);

    /// <summary>
    /// The client's <c>If-Match</c> does not name the current content; <paramref name="SavedBy"/> saved that
    /// content at <paramref name="SavedAt"/> when the trail knows it.
    /// </summary>
    public sealed record PreconditionFailed(string Detail, string? SavedBy = null, DateTimeOffset? SavedAt = null)
        : Failure(Detail);

    /// <summary>The actor wrote some of the content and may not review it.</summary>
    public sealed record FourEyes(string Detail) : Failure(Detail);

    /// <summary>The thing existed and was removed on purpose, e.g. a decision's erased personal data.</summary>
    public sealed record Gone(string Detail) : Failure(Detail);

    /// <summary>The input is refused; each problem names its path.</summary>
    public sealed record Invalid(string Title, IReadOnlyList<Problem> Problems) : Failure(Title);

    /// <summary>The client's <c>Idempotency-Key</c> is not one the service accepts.</summary>
    public sealed record KeyMalformed(string Detail) : Failure(Detail);

    /// <summary>
    /// The <c>Idempotency-Key</c> came with another request before: its answer is not this request's.
    /// </summary>
    public sealed record KeyReused(string Detail) : Failure(Detail);

    /// <summary>The first request with this <c>Idempotency-Key</c> is still being decided elsewhere.</summary>
    public sealed record KeyInFlight(string Detail, int RetryAfterSeconds) : Failure(Detail);
}
