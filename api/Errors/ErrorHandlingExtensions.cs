using System.Text.Json.Serialization;
using Decisions.Engine.Serialization;
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
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCompletion.Complete);
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
            AnswerJson.Apply(o.SerializerOptions);
        });
        return services;
    }

    public static WebApplication UseDecisionErrorHandling(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
