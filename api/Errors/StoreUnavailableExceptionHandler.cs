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
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (DbException or TimeoutException))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The store is unavailable.", Detail = "Try again in a moment." },
        });
    }
}
