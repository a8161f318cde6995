using System.Globalization;
using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// The CLR type of each <see cref="FieldType"/> and the checks and messages shared by every field reader.
/// </summary>
internal static class FieldValue
{
    public const int MaxStringLength = 4_000;

    /// <summary>The significant digits and decimal places a <see cref="decimal"/> always holds exactly.</summary>
    public const int MaxDigits = 28;

    private const string Inexact = "it cannot be taken exactly.";

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

    /// <summary>The type that holds an absent value as null (format 2): <c>decimal?</c> for <c>decimal</c>.</summary>
    public static Type Nullable(Type type) =>
        type.IsValueType && System.Nullable.GetUnderlyingType(type) is null
            ? typeof(Nullable<>).MakeGenericType(type)
            : type;

    public static string? CheckText(string text, InputField field) =>
        text.Length > MaxStringLength ? $"Text longer than {MaxStringLength} characters."
        : text.Contains('\0', StringComparison.Ordinal) ? "Text may not contain the NUL character (U+0000)."
        : field.Enum is { } allowed && !allowed.Contains(text)
            ? $"'{text}' is not one of: {string.Join(", ", allowed)}."
        : null;

    /// <summary>
    /// Why the JSON number <paramref name="number"/> cannot be held exactly by a decimal, or null: the reader
    /// would round 499999.999999999999999999999999 to 500000 without a word, and that can change a tier.
    /// </summary>
    public static string? CheckExact(ReadOnlySpan<byte> number)
    {
        long exponent = 0;
        var mark = number.IndexOfAny((byte)'e', (byte)'E');
        if (mark >= 0)
        {
            var text = number[(mark + 1)..];
            if (!System.Buffers.Text.Utf8Parser.TryParse(text[0] == '+' ? text[1..] : text, out exponent, out _))
            {
                return "The number is out of range.";
            }

            number = number[..mark];
        }

        var first = number.IndexOfAnyInRange((byte)'1', (byte)'9');
        if (first < 0)
        {
            return null;
        }

        // Significant digits run from the first to the last non-zero digit; the point is not one of them.
        var last = number.LastIndexOfAnyInRange((byte)'1', (byte)'9');
        var point = number.IndexOf((byte)'.');
        var digits = last - first + 1 - (point > first && point < last ? 1 : 0);
        var places = (point >= 0 && last > point ? last - point : 0) - exponent;
        return digits > MaxDigits ? $"The number has more than {MaxDigits} significant digits; {Inexact}"
            : places > MaxDigits ? $"The number has more than {MaxDigits} decimal places; {Inexact}"
            : null;
    }

    public static string Expected(FieldType type, JsonTokenType token) =>
        $"Expected {Describe(type)}, got {TokenName(token)}.";

    public static string? CheckRange(decimal value, InputField field) =>
        value < field.Minimum ? $"{Invariant(value)} is below the minimum {Invariant(field.Minimum.Value)}."
        : value > field.Maximum ? $"{Invariant(value)} is above the maximum {Invariant(field.Maximum.Value)}."
        : null;

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);

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
