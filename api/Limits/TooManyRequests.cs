using System.Globalization;

namespace Decisions.Api.Limits;

/// <summary>
/// 429 with <c>Retry-After</c> as an RFC 9457 problem: the one answer of every limit (ASP.NET's default would be
/// 503, which tells a client to retry elsewhere).
/// </summary>
internal sealed class TooManyRequests(int retryAfterSeconds, string detail) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, retryAfterSeconds, detail);

    public static async Task WriteAsync(HttpContext context, int retryAfterSeconds, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }
}
