using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Explanation;

/// <summary>
/// The values worth trying for one input field: each boundary value a probe found, and for numbers the values one
/// smallest step either side (a strict comparison needs one; a whole number needs whole values), nearest to the
/// customer's value first. A number's step is 0.01, or finer when the boundary or the value is written finer.
/// </summary>
internal static class CandidateValues
{
    /// <summary>At most this many values are tried per field, the nearest first.</summary>
    public const int MaxPerField = 8;

    private const int MoneyScale = 2;

    /// <summary>The customer's value of <paramref name="field"/> as the rules read it; null when absent.</summary>
    public static object? Current(JsonElement customer, string field, FieldType type) =>
        !customer.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null ? null
        : type switch
        {
            FieldType.Number when value.TryGetDecimal(out var number) => number,
            FieldType.Integer when value.TryGetInt64(out var whole) => whole,
            FieldType.Boolean when value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
            FieldType.String when value.ValueKind == JsonValueKind.String => value.GetString(),
            _ => null,
        };

    /// <summary>The values to try, nearest first, without the current one; none for dates and lists.</summary>
    public static IReadOnlyList<object> For(InputField field, object? current, IEnumerable<object?> boundaries) =>
        field.Type switch
        {
            FieldType.Number => Numbers(field, current as decimal?, boundaries, whole: false),
            FieldType.Integer => Numbers(field, current as long?, boundaries, whole: true),
            FieldType.Boolean =>
                [.. boundaries.OfType<bool>().Distinct().Where(b => !Equals(b, current)).Cast<object>()],
            FieldType.String => [.. boundaries.OfType<string>().Distinct(StringComparer.Ordinal)
                .Where(s => s != current as string && (field.Enum is null || field.Enum.Contains(s)))
                .Take(MaxPerField)],
            _ => [],
        };

    /// <summary><c>to - from</c> for numbers, an absent number counting as 0; null otherwise.</summary>
    public static decimal? Difference(object? from, object to) => to switch
    {
        decimal number => number - (from as decimal? ?? 0),
        long whole => whole - (from as long? ?? 0),
        _ => null,
    };

    private static List<object> Numbers(InputField field, decimal? current, IEnumerable<object?> boundaries, bool whole)
    {
        var values = new SortedSet<decimal>();
        foreach (var boundary in boundaries)
        {
            if (ToDecimal(boundary) is not { } point)
            {
                continue;
            }

            if (whole)
            {
                var (floor, ceiling) = (decimal.Floor(point), decimal.Ceiling(point));
                values.UnionWith([floor - 1, floor, ceiling, ceiling + 1]);
            }
            else
            {
                var step = Step(Math.Max(MoneyScale, Math.Max((int)point.Scale, current?.Scale ?? 0)));
                values.UnionWith([point - step, point, point + step]);
            }
        }

        var from = current ?? 0;
        return [.. values
            .Where(value => value != current)
            .Where(value => value >= (field.Minimum ?? decimal.MinValue)
                && value <= (field.Maximum ?? decimal.MaxValue))
            .Where(value => !whole || value is >= long.MinValue and <= long.MaxValue)
            .OrderBy(value => Math.Abs(value - from)).ThenBy(value => value)
            .Take(MaxPerField)
            .Select(value => whole ? (object)(long)value : value)];
    }

    private static decimal Step(int scale) => new(1, 0, 0, false, (byte)Math.Min(scale, 28));

    private static decimal? ToDecimal(object? value) => value switch
    {
        decimal number => number,
        long whole => whole,
        int small => small,
        double real when Math.Abs(real) < 1e27 => (decimal)real,
        _ => null,
    };
}
