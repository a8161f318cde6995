using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace Decisions.Api.Errors;

/// <summary>
/// A shared store that cannot be reached (or has no connection to spare) is a passing condition of the
/// service, not a bug: 503 with <c>Retry-After</c>, so a teller system retries instead of reporting a fault.
/// Nothing was logged for such a request, so nothing was answered that the log does not hold.
/// </summary>
internal sealed class StoreUnavailableExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception,
        CancellationToken cancellationToken)
    {
        if (!Unavailable(exception))
        {
            return false;
        }

        return await problems.WriteProblemAsync(
            context, ProblemTypes.StoreUnavailable, "The store cannot be reached; try again in a moment.", exception,
            new Dictionary<string, object?> { [RetryAfter.Extension] = 1 });
    }

    // Only conditions that pass: transient failures, lost connections (SQLSTATE class 08), exhausted resources
    // (53), an operator stopping the server (57) or closing the database to connections (55). Any other database
    // error is a defect and stays a 500, so that it is seen and fixed rather than retried.
    private static bool Unavailable(Exception exception) => exception switch
    {
        TimeoutException => true,
        DbException { IsTransient: true } => true,
        DbException { SqlState: { Length: 5 } state } when state[..2] is "08" or "53" or "57" or "55" => true,
        _ => false,
    };
}
