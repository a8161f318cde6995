using System.Text;
using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Decisions.Api.OpenApi;

/// <summary>
/// The problems in the OpenAPI document: the problem schema with its extensions and the catalogue of types, 413 and
/// 415 wherever a body is read, and the headers a client acts on (<c>Retry-After</c>, <c>WWW-Authenticate</c>).
/// </summary>
internal static class ProblemDocumentation
{
    public static Task DescribeSchema(
        OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        if (context.JsonTypeInfo.Type != typeof(ProblemBody) || context.JsonPropertyInfo is not null)
        {
            return Task.CompletedTask;
        }

        // RFC 9457, section 3.2: problems may carry more extensions later, and clients ignore those they do not know.
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
        if (schema.Properties?.TryGetValue("type", out var type) == true && type is OpenApiSchema uri)
        {
            uri.Format = "uri";
            uri.Description = Catalogue();
        }

        return Task.CompletedTask;
    }

    public static Task DescribeOperation(OpenApiOperation operation)
    {
        if (operation.Responses is not { } responses
            || !responses.TryGetValue("401", out var unauthorized) || unauthorized.Content is not { } problem)
        {
            return Task.CompletedTask;
        }

        if (operation.RequestBody is not null)
        {
            responses["413"] = new OpenApiResponse { Description = "Content Too Large", Content = Copy(problem) };
            responses["415"] = new OpenApiResponse { Description = "Unsupported Media Type", Content = Copy(problem) };
        }

        Header(unauthorized, "WWW-Authenticate", JsonSchemaType.String,
            $"The scheme and header to authenticate with: `{ApiKeyAuthenticationHandler.Challenge}`.");
        var idempotent = operation.Parameters?.Any(p => p.Name == "Idempotency-Key") == true;
        foreach (var (status, response) in responses)
        {
            if (status is "429" or "503" || (status == "409" && idempotent))
            {
                Header(response, "Retry-After", JsonSchemaType.Integer, "Seconds to wait before retrying.");
            }
        }

        return Task.CompletedTask;
    }

    private static Dictionary<string, OpenApiMediaType> Copy(IDictionary<string, OpenApiMediaType> content) =>
        content.ToDictionary(c => c.Key, c => new OpenApiMediaType { Schema = c.Value.Schema });

    private static void Header(IOpenApiResponse response, string name, JsonSchemaType type, string description)
    {
        if (response is OpenApiResponse concrete)
        {
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            concrete.Headers[name] = new OpenApiHeader
            {
                Description = description, Schema = new OpenApiSchema { Type = type },
            };
        }
    }

    private static string Catalogue()
    {
        var text = new StringBuilder("The kind of problem; the service answers these (status, type, meaning):\n");
        foreach (var type in ProblemTypes.All)
        {
            text.Append("\n- ").Append(type.Status).Append(" `").Append(type.Uri).Append("`: ").Append(type.Meaning);
        }

        return text.ToString();
    }
}
