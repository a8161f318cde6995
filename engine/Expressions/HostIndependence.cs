using System.Linq.Expressions;

namespace Decisions.Engine.Expressions;

/// <summary>
/// The parts of a parsed expression whose value would come from the host rather than from the decision's
/// inputs: a text the parser turned into a date or time (it fills in today's date and the host's UTC offset
/// when the rule set is compiled), a culture-sensitive string comparison, or an ordering of texts by the
/// host's culture. A replay on another machine, day or locale could otherwise decide differently.
/// </summary>
internal static class HostIndependence
{
    private static readonly HashSet<Type> TimeTypes =
        [typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly), typeof(TimeSpan)];

    private static readonly HashSet<string> Orderings = [nameof(Enumerable.Min), nameof(Enumerable.Max)];

    /// <summary>Why <paramref name="node"/> would depend on the host, or null.</summary>
    public static string? Check(Expression node) => node switch
    {
        ConstantExpression { Value: not null } constant when TimeTypes.Contains(Underlying(constant.Type)) =>
            $"The text is converted to a {Underlying(constant.Type).Name} with the host's clock and time zone; "
            + "compare with DateOnly(2026, 1, 1), today or asOf instead.",
        _ when node.Type == typeof(StringComparison) && node is not ConstantExpression
            { Value: StringComparison.Ordinal or StringComparison.OrdinalIgnoreCase } =>
            "Only StringComparison.Ordinal and StringComparison.OrdinalIgnoreCase are allowed: "
            + "other comparisons depend on the host's culture.",
        MethodCallExpression call when call.Method.DeclaringType == typeof(Enumerable)
            && Orderings.Contains(call.Method.Name) && call.Type == typeof(string) =>
            $"'{call.Method.Name}' of texts orders them by the host's culture; "
            + "compare texts with == or an ordinal method.",
        _ => null,
    };

    private static Type Underlying(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
