using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Errors;

/// <summary>
/// A problem that says when to retry carries the seconds as the <c>retryAfter</c> extension and, copied by
/// <see cref="ProblemCompletion"/>, in the <c>Retry-After</c> header, where clients and proxies look for it
/// (a <see cref="ProblemHttpResult"/> cannot carry headers itself).
/// </summary>
public static class RetryAfter
{
    public const string Extension = "retryAfter";

    public static ProblemHttpResult Problem(ProblemType type, string detail, int seconds) =>
        Problems.Of(type, detail, new Dictionary<string, object?> { [Extension] = seconds });

    internal static void CopyToHeader(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Extensions.TryGetValue(Extension, out var seconds) && seconds is int wait)
        {
            context.HttpContext.Response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
        }
    }
}
