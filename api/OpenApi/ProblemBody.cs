using Decisions.Engine.Model;

namespace Decisions.Api.OpenApi;

// The contract only: problems are written by ASP.NET's problem-details service, completed by
// Errors.ProblemCompletion, and ProblemContractTests checks real answers against the schema published from this.

/// <summary>
/// An RFC 9457 problem (<c>application/problem+json</c>): the standard members and this service's extensions.
/// More extensions may be added; clients ignore the members they do not know.
/// </summary>
/// <param name="Type">The kind of problem: one URI of the catalogue listed below. Compare the whole string.</param>
/// <param name="Title">The kind's short summary, the same for every problem of the type.</param>
/// <param name="Status">The HTTP status code of the answer.</param>
/// <param name="Detail">What happened this time, in plain words; for a refused body, with its JSON path.</param>
/// <param name="TraceId">The request's W3C trace context id (traceparent form), to find it in the logs.</param>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail, string TraceId)
{
    /// <summary>For <c>validation-failed</c>: every refused value, each with its JSON path.</summary>
    public IReadOnlyList<Problem> Errors { get; init; } = [];

    /// <summary>
    /// For <c>idempotency-key-in-flight</c>, <c>too-many-requests</c>, <c>store-unavailable</c>: seconds to wait.
    /// </summary>
    public int RetryAfter { get; init; }

    /// <summary>For <c>unreadable-decision</c>: the decision whose stored payload cannot be read.</summary>
    public string DecisionId { get; init; } = "";
}
