using Decisions.Api.Auth;
using Microsoft.OpenApi;

namespace Decisions.Api.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>The OpenAPI document (Microsoft.AspNetCore.OpenApi) with the API-key scheme on every operation.</summary>
    public static IServiceCollection AddDecisionOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Decisions",
                Version = "v1",
                Description = "Tiers, privileges and next actions from versioned rule sets. Authenticate with the X-Api-Key header.",
            };
            var scheme = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.Header };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme> { [ApiKeyAuthenticationHandler.SchemeName] = scheme };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }));

    /// <summary><c>/openapi/v1.json</c> and Swagger UI at <c>/swagger</c>, both anonymous.</summary>
    public static WebApplication MapDecisionOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint("/openapi/v1.json", "Decisions v1");
            options.RoutePrefix = "swagger";
        });
        return app;
    }
}
