using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Decisions.Api.OpenApi;

/// <summary>
/// What client generators need of the schemas: enums as string schemas with their values (NSwag's client throws
/// on an untyped enum), no schema named after System.Text.Json's types (a C# client would declare a second
/// <c>JsonElement</c>), no <c>null</c> among an enum's values (nullability belongs to the property that refers to
/// it), and <c>items</c> on every array.
/// </summary>
internal static class GeneratorSchemas
{
    /// <summary>Names the schemas with <see cref="ReferenceId"/>.</summary>
    public static OpenApiOptions WithGeneratorNames(this OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = ReferenceId;
        return options;
    }

    /// <summary>Schema names: the problem schema keeps the name clients know; any-JSON values are inlined.</summary>
    public static string? ReferenceId(JsonTypeInfo type)
    {
        var underlying = Nullable.GetUnderlyingType(type.Type) ?? type.Type;
        return underlying == typeof(ProblemBody) ? "ProblemDetails"
            : underlying == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(underlying) ? null
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
    }

    public static Task Tidy(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { } values)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = values.Where(v => v is not null).ToList();
        }

        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array) && schema.Items is null)
        {
            schema.Items = new OpenApiSchema();
        }

        return Task.CompletedTask;
    }
}
