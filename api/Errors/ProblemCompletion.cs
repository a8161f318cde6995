using Microsoft.AspNetCore.Mvc;

namespace Decisions.Api.Errors;

/// <summary>
/// Runs on every problem the service writes, its own and the framework's (routing, authentication, Kestrel's
/// limits): each gets a <c>type</c> of the catalogue, that type's title when the framework chose it, a
/// <c>detail</c>, and its <c>Retry-After</c> header; so no answer carries the framework's RFC 9110 links instead.
/// </summary>
internal static class ProblemCompletion
{
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (ProblemTypes.Find(problem.Type) is not { } type)
        {
            type = ProblemTypes.ForStatus(status);
            problem.Type = type.Uri;
            problem.Title = type.Title;
        }

        problem.Status = status;
        problem.Detail ??= type.Meaning;
        RetryAfter.CopyToHeader(context);
    }

    /// <summary>A problem of a catalogue type written outside an endpoint, e.g. by an exception handler.</summary>
    public static async ValueTask<bool> WriteProblemAsync(
        this IProblemDetailsService problems, HttpContext context, ProblemType type, string detail,
        Exception? exception = null, IDictionary<string, object?>? extensions = null)
    {
        context.Response.StatusCode = type.Status;
        var problem = new ProblemDetails { Type = type.Uri, Status = type.Status, Title = type.Title, Detail = detail };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem.Extensions[name] = value;
        }

        return await problems.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = context, Exception = exception, ProblemDetails = problem });
    }
}
