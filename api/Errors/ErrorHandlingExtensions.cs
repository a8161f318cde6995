using System.Text.Json;
using System.Text.Json.Serialization;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Decisions.Api.Errors;

public static class ErrorHandlingExtensions
{
    /// <summary>
    /// One error shape (RFC 9457) for everything: problem details, an exception handler that turns a bad
    /// request body into a 400 with the reason, status-code pages for 401/403/404/405, and strict JSON:
    /// duplicate or unknown properties are errors, so a typo is never silently ignored; a time without an
    /// offset is an error too, since the host's time zone would otherwise decide which instant it is.
    /// </summary>
    public static IServiceCollection AddDecisionErrorHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = IdempotencyProblems.CopyRetryAfter);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<StoreUnavailableExceptionHandler>();
        services.AddExceptionHandler<UnreadableDecisionExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            o.SerializerOptions.RespectNullableAnnotations = true;
            o.SerializerOptions.RespectRequiredConstructorParameters = true;
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
            o.SerializerOptions.Converters.Add(new Rfc3339TimeConverter());
        });
        return services;
    }

    public static WebApplication UseDecisionErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Malformed JSON, wrong types and oversized bodies are the client's error: 400 (413) with the reason.</summary>
    private sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            context.Response.StatusCode = bad.StatusCode;
            var detail = bad.InnerException is JsonException json ? $"{json.Message.Split(" Path:")[0]} (at {json.Path})" : bad.Message;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                Exception = exception,
                ProblemDetails = { Status = bad.StatusCode, Title = "The request is not valid.", Detail = detail },
            });
        }
    }
}
