using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Decisions.Api.Errors;

/// <summary>
/// Malformed JSON, wrong types, bad parameters and oversized bodies are the client's error: 400 (413) with the
/// reason in plain words and, for a body, the JSON path (<see cref="ReadFailureText"/>).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (type, detail) = bad switch
        {
            { StatusCode: StatusCodes.Status413PayloadTooLarge } => (ProblemTypes.BodyTooLarge, bad.Message),
            { InnerException: JsonException json } => (ProblemTypes.MalformedRequest, ReadFailureText.Of(json)),
            _ => ReadFailureText.Of(bad),
        };
        return await problems.WriteProblemAsync(context, type, detail, exception);
    }
}
