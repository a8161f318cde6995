using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Errors;

/// <summary>
/// The problems of the <c>Idempotency-Key</c> header, with the status codes and titles of the IETF httpapi draft
/// "The Idempotency-Key HTTP Header Field" (section "Error Scenarios"); their <c>type</c> names that draft.
/// </summary>
public static class IdempotencyProblems
{
    public const string Type = "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/";

    private const string RetryAfter = "retryAfter";

    public static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(
            detail, statusCode: StatusCodes.Status400BadRequest, title: "Idempotency-Key is not valid", type: Type);

    public static ProblemHttpResult Reused(string detail) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Idempotency-Key is already used",
            type: Type);

    public static ProblemHttpResult InFlight(string detail, int retryAfterSeconds) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "A request is outstanding for this Idempotency-Key",
            type: Type,
            extensions: new Dictionary<string, object?> { [RetryAfter] = retryAfterSeconds });

    /// <summary>
    /// A problem that says when to retry also says it in the <c>Retry-After</c> header, where clients and proxies
    /// look for it (a <see cref="ProblemHttpResult"/> cannot carry headers itself).
    /// </summary>
    public static void CopyRetryAfter(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Type == Type
            && context.ProblemDetails.Extensions.TryGetValue(RetryAfter, out var seconds) && seconds is int wait)
        {
            context.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        }
    }
}
