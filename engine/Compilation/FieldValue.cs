using System.Globalization;
using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>The CLR type of each <see cref="FieldType"/> and how a JSON value is read into it, strictly.</summary>
internal static class FieldValue
{
    public const int MaxStringLength = 4_000;

    public static Type ClrType(FieldType type) => type switch
    {
        FieldType.String => typeof(string),
        FieldType.Number => typeof(decimal),
        FieldType.Integer => typeof(long),
        FieldType.Boolean => typeof(bool),
        FieldType.Date => typeof(DateOnly?),
        FieldType.StringArray => typeof(string[]),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Reads <paramref name="json"/> as <paramref name="field"/> says, or explains why it cannot.</summary>
    public static bool TryRead(JsonElement json, InputField field, int maxItems, out object? value, out string? error)
    {
        value = null;
        error = Read(json, field, maxItems, ref value);
        return error is null;
    }

    private static string? Read(JsonElement json, InputField field, int maxItems, ref object? value)
    {
        switch (field.Type)
        {
            case FieldType.String when json.ValueKind == JsonValueKind.String:
                var text = json.GetString()!;
                value = text;
                return CheckText(text, field);
            case FieldType.Number when json.ValueKind == JsonValueKind.Number:
                if (!json.TryGetDecimal(out var number))
                {
                    return "The number is out of range.";
                }

                value = number;
                return CheckRange(number, field);
            case FieldType.Integer when json.ValueKind == JsonValueKind.Number:
                if (!json.TryGetInt64(out var integer))
                {
                    return "Expected a whole number.";
                }

                value = integer;
                return CheckRange(integer, field);
            case FieldType.Boolean when json.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = json.GetBoolean();
                return null;
            case FieldType.Date when json.ValueKind == JsonValueKind.String:
                if (!DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return "Expected a date as yyyy-MM-dd.";
                }

                value = (DateOnly?)date;
                return null;
            case FieldType.StringArray when json.ValueKind == JsonValueKind.Array:
                var length = json.GetArrayLength();
                if (length > (field.MaxItems ?? maxItems))
                {
                    return $"At most {field.MaxItems ?? maxItems} items are allowed; got {length}.";
                }

                var items = new string[length];
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String || item.GetString()!.Length > MaxStringLength)
                    {
                        return $"Item {i} is not a text of at most {MaxStringLength} characters.";
                    }

                    items[i++] = item.GetString()!;
                }

                value = items;
                return null;
            default:
                return $"Expected {Describe(field.Type)}, got {json.ValueKind.ToString().ToLowerInvariant()}.";
        }
    }

    public static string? CheckText(string text, InputField field) =>
        text.Length > MaxStringLength ? $"Text longer than {MaxStringLength} characters."
        : field.Enum is { } allowed && !allowed.Contains(text) ? $"'{text}' is not one of: {string.Join(", ", allowed)}."
        : null;

    public static string Expected(FieldType type, JsonTokenType token) =>
        $"Expected {Describe(type)}, got {TokenName(token)}.";

    public static string? CheckRange(decimal value, InputField field) =>
        value < field.Minimum ? $"{value.ToString(CultureInfo.InvariantCulture)} is below the minimum {field.Minimum.Value.ToString(CultureInfo.InvariantCulture)}."
        : value > field.Maximum ? $"{value.ToString(CultureInfo.InvariantCulture)} is above the maximum {field.Maximum.Value.ToString(CultureInfo.InvariantCulture)}."
        : null;

    private static string TokenName(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        _ => token.ToString().ToLowerInvariant(),
    };

    private static string Describe(FieldType type) => type switch
    {
        FieldType.String => "a text",
        FieldType.Number => "a number",
        FieldType.Integer => "a whole number",
        FieldType.Boolean => "true or false",
        FieldType.Date => "a date as yyyy-MM-dd",
        FieldType.StringArray => "a list of texts",
        _ => type.ToString(),
    };
}
