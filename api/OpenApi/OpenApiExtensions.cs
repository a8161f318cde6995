using Decisions.Api.Auth;
using Microsoft.OpenApi;

namespace Decisions.Api.OpenApi;

public static class OpenApiExtensions
{
    /// <summary>
    /// The OpenAPI document (Microsoft.AspNetCore.OpenApi) with the API-key scheme on every operation.
    /// </summary>
    public static IServiceCollection AddDecisionOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options => options.WithGeneratorNames().AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Decisions",
                Version = "v1",
                Description = "Tiers, privileges and next actions from versioned rule sets. "
                    + "Authenticate with the X-Api-Key header.",
            };
            var scheme = new OpenApiSecurityScheme { Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.Header };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme> { [
                ApiKeyAuthenticationHandler.SchemeName] = scheme };
            // Clients reach the service at addresses it cannot know: "/" is where the document itself was served
            // from, which also keeps the document stable to snapshot.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The host that served this document" }];
            Tags.Describe(document);
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(
                ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }).AddSchemaTransformer((schema, context, _) =>
        {
            // The strict RFC 3339 converter hides from the schema generator that a time is still a date-time string.
            var type = context.JsonTypeInfo.Type;
            if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTimeOffset))
            {
                schema.Type = type == typeof(DateTimeOffset) || context.JsonPropertyInfo is null
                    ? JsonSchemaType.String
                    : JsonSchemaType.String | JsonSchemaType.Null;
                schema.Format = "date-time";
            }

            // A batch's customers are objects; their fields are typed in /openapi/rulesets/{name}.json.
            if (context.JsonPropertyInfo is { Name: "customers" } customers
                && customers.DeclaringType == typeof(Decisions.BatchDecisionRequest))
            {
                schema.Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Description = "A customer as the rule set's input schema describes it "
                        + "(GET /v1/rulesets/{name}/input-schema).",
                };
            }

            return Task.CompletedTask;
        }).AddSchemaTransformer(GeneratorSchemas.Tidy).AddSchemaTransformer(ProblemDocumentation.DescribeSchema)
        .AddOperationTransformer((operation, _, _) => ProblemDocumentation.DescribeOperation(operation))
        .AddOperationTransformer((operation, context, _) =>
        {
            // A complete example request for the call tellers make most.
            if (context.Description.RelativePath?.TrimEnd('/') == "v1/decisions"
                && context.Description.HttpMethod == "POST"
                && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = System.Text.Json.Nodes.JsonNode.Parse("""
                    { "ruleSet": "retail-tiering", "asOf": "2026-06-15T10:00:00+08:00",
                      "customer": { "customerId": "R-0001", "name": "王芳", "avgDailyBalance": 800000,
                                    "largeOutflow30d": 250000, "lastTierReviewDate": "2026-03-01",
                                    "productsHeld": ["fund", "credit_card"] } }
                    """);
            }

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
