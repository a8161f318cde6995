using System.Text.Json.Nodes;
using Decisions.Engine.Model;

namespace Decisions.Engine.Serialization;

/// <summary>
/// A version's customer input as JSON Schema 2020-12, so that an integrating team validates, or generates a type
/// for, what the engine accepts before sending it. The schema says what the binder checks: required fields,
/// types, <c>enum</c>, bounds, list length and items, and no unknown field (a misspelt field is refused, never
/// ignored). Optional fields also accept <c>null</c>, which the engine reads as absent. Two checks stay the
/// engine's alone: a number a decimal cannot hold exactly, and the NUL character in a text.
/// </summary>
public static class CustomerSchema
{
    /// <summary>The dialect of the standalone schema.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>
    /// The schema of <paramref name="ruleSet"/>'s customer; a <c>string[]</c> without <c>maxItems</c> is bounded
    /// by <paramref name="defaultMaxItems"/> (<see cref="DecisionEngineOptions.DefaultMaxItems"/>), as it is bound.
    /// </summary>
    public static JsonObject Of(RuleSet ruleSet, int defaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var properties = new JsonObject();
        foreach (var (name, field) in ruleSet.Input)
        {
            properties[name] = Field(field, defaultMaxItems);
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["description"] = $"A customer of {ruleSet.Name} version {ruleSet.Version}.",
            ["properties"] = properties,
            ["required"] = new JsonArray(
                [.. ruleSet.Input.Where(p => p.Value.Required).Select(p => JsonValue.Create(p.Key))]),
            ["additionalProperties"] = false,
        };
    }

    /// <summary>As <see cref="Of"/>, with <c>$schema</c> and an <c>$id</c>: a document on its own.</summary>
    public static JsonObject Document(RuleSet ruleSet, int defaultMaxItems, string id)
    {
        var schema = new JsonObject { ["$schema"] = Dialect, ["$id"] = id };
        foreach (var (key, value) in Of(ruleSet, defaultMaxItems).ToList())
        {
            schema[key] = value?.DeepClone();
        }

        return schema;
    }

    private static JsonObject Field(InputField field, int defaultMaxItems)
    {
        // An optional field sent as null is absent, so null is a value the engine accepts for it.
        var schema = new JsonObject { ["type"] = Type(field) };
        if (field.Description is { } description)
        {
            schema["description"] = description;
        }

        switch (field.Type)
        {
            case FieldType.Number:
                // OpenAPI's format registry: exact, so generators map it to decimal, not to a rounding double.
                schema["format"] = "decimal";
                break;
            case FieldType.Integer:
                schema["format"] = "int64";
                break;
            case FieldType.Date:
                schema["format"] = "date";
                break;
            case FieldType.String:
                schema["maxLength"] = Compilation.FieldValue.MaxStringLength;
                break;
        }

        AddCodes(schema, field.Enum, field.Required);
        if (field.Minimum is { } minimum)
        {
            schema["minimum"] = minimum;
        }

        if (field.Maximum is { } maximum)
        {
            schema["maximum"] = maximum;
        }

        if (field.Type == FieldType.StringArray)
        {
            var items = new JsonObject { ["type"] = "string", ["maxLength"] = Compilation.FieldValue.MaxStringLength };
            AddCodes(items, field.Items?.Enum, required: true);
            schema["items"] = items;
            schema["maxItems"] = field.MaxItems ?? defaultMaxItems;
            if (field.UniqueItems == true)
            {
                schema["uniqueItems"] = true;
            }
        }

        if (field.Default is { } value)
        {
            schema["default"] = JsonNode.Parse(value.GetRawText());
        }

        return schema;
    }

    private static JsonNode Type(InputField field)
    {
        var type = field.Type switch
        {
            FieldType.Number => "number",
            FieldType.Integer => "integer",
            FieldType.Boolean => "boolean",
            FieldType.StringArray => "array",
            _ => "string",
        };
        return field.Required ? JsonValue.Create(type) : new JsonArray(type, "null");
    }

    private static void AddCodes(JsonObject schema, IReadOnlyList<string>? codes, bool required)
    {
        if (codes is not null)
        {
            // An enum lists every accepted value, so an optional field's null is one of them.
            var values = new JsonArray([.. codes.Select(code => JsonValue.Create(code))]);
            if (!required)
            {
                values.Add(null);
            }

            schema["enum"] = values;
        }
    }
}
