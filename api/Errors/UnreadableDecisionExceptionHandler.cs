using Decisions.Api.Storage;
using Microsoft.AspNetCore.Diagnostics;

namespace Decisions.Api.Errors;

/// <summary>
/// A logged decision whose stored payload cannot be read (a damaged file or an edited row) is a known state
/// of the log, which verification names: reading or replaying it answers 409 with the decision and the
/// reason, so an auditor is told what is broken instead of getting an opaque 500.
/// </summary>
internal sealed class UnreadableDecisionExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception,
        CancellationToken cancellationToken)
    {
        if (exception is not UnreadableDecisionException unreadable)
        {
            return false;
        }

        return await problems.WriteProblemAsync(
            context, ProblemTypes.UnreadableDecision, unreadable.Message, exception,
            new Dictionary<string, object?> { ["decisionId"] = unreadable.Decision.Id });
    }
}
