using System.Collections;
using System.Globalization;

namespace Decisions.Engine.Explanation;

/// <summary>
/// Writes a comparison or test with its values, in the invariant culture so that the text is the same on every
/// host: as the rule reads (<c>customer.x = 620000 &gt;= params.y = 500000</c>) or for a teller
/// (<c>日均余额 620,000 ≥ 贵宾门槛 500,000</c>). A number is written with every digit it has, never rounded.
/// </summary>
internal static class ConditionText
{
    // Grouped thousands and every decimal place a decimal can hold: 9999.5 stays 9,999.5.
    private const string Grouped = "#,0.############################";

    public static string Technical(Condition condition) => Join(condition, Technical, condition.Operator);

    public static string Readable(Condition condition) => Join(condition, Readable, Symbol(condition.Operator));

    private static string Join(Condition condition, Func<Operand, string> write, string? symbol) =>
        condition.Operands switch
        {
            [var left, var right] => $"{write(left)} {symbol} {write(right)}",
            [var only] => write(only),
            _ => "",
        };

    private static string Technical(Operand operand) =>
        operand.Name is null ? Format(operand.Value, quote: true, grouped: false)
        : $"{operand.Name} = {Format(operand.Value, quote: true, grouped: false)}";

    private static string Readable(Operand operand) =>
        (operand.Label ?? operand.Name) is { } name
            ? $"{name} {Format(operand.Value, quote: false, grouped: true)}"
            : Format(operand.Value, quote: false, grouped: true);

    private static string? Symbol(string? op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        "!=" => "≠",
        "==" => "=",
        "in" => "∈",
        _ => op,
    };

    internal static string Format(object? value, bool quote, bool grouped) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s => quote ? $"\"{s}\"" : s,
        decimal d => d.ToString(grouped ? Grouped : "G", CultureInfo.InvariantCulture),
        long or int => Convert.ToDecimal(value, CultureInfo.InvariantCulture)
            .ToString(grouped ? Grouped : "G", CultureInfo.InvariantCulture),
        double x => x.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("O", CultureInfo.InvariantCulture),
        IEnumerable items =>
            "[" + string.Join(", ", items.Cast<object?>().Select(item => Format(item, quote, grouped))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
