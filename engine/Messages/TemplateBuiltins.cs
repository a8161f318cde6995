using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Decisions.Engine.Messages;

/// <summary>
/// Scriban's built-in functions minus those that read the clock, the host or randomness (they would break
/// replay), load other templates, evaluate text as a template, grow a string without bound,
/// or run a regular expression (html.strip backtracks for seconds on a short text).
/// </summary>
internal static class TemplateBuiltins
{
    private static readonly Dictionary<string, string[]> Removed = new(StringComparer.Ordinal)
    {
        // date.parse fills a missing date from the clock and reads a time without offset in the host's zone.
        ["date"] = ["now", "utc_now", "parse", "parse_to_string"],
        ["math"] = ["random", "uuid"],
        ["string"] = ["pad_left", "pad_right", "replace", "replace_first"],
        ["object"] = ["eval", "eval_template"],
        ["html"] = ["strip"],
    };

    /// <summary>Shared by every render; never written after it is built.</summary>
    public static ScriptObject Safe { get; } = Create();

    private static ScriptObject Create()
    {
        var builtins = TemplateContext.GetDefaultBuiltinObject();
        builtins.Remove("include");
        builtins.Remove("include_join");
        builtins.Remove("regex");
        builtins.SetValue("date", new HostFreeDates(), readOnly: true);
        foreach (var (module, functions) in Removed)
        {
            var scriptObject = (ScriptObject)builtins[module]!;
            foreach (var function in functions)
            {
                scriptObject.Remove(function);
            }
        }

        ((ScriptObject)builtins["math"]!).SetValue("format", Function(FormatNumber), readOnly: true);
        ((ScriptObject)builtins["math"]!).SetValue("amount", DynamicCustomFunction.Create(Amount), readOnly: true);
        ((ScriptObject)builtins["object"]!).SetValue("format", Function(FormatObject), readOnly: true);
        return builtins;
    }

    private static DynamicCustomFunction Function(
        Func<TemplateContext, SourceSpan, object?, string?, string?, string> function) =>
        DynamicCustomFunction.Create(function);

    // A named culture's digits and separators come from the host's ICU data: values format invariantly only.
    // Format 2 reads N0 or F2 as "at least": a message never rounds a number the decision compared exactly.
    private static string FormatNumber(
        TemplateContext context, SourceSpan span, object? value, string? format, string? culture = null)
    {
        var invariant = InvariantOnly(culture);
        return (context as MeteredTemplateContext)?.Locale?.FormatNumber(value, format)
            ?? MathFunctions.Format(context, span, value, format, invariant);
    }

    /// <summary>
    /// <c>math.amount</c>: a number grouped in thousands with at least <paramref name="decimals"/> decimals and
    /// every decimal it has (9,999.5, never 10,000), in the rule set's locale (format 2) or the fallback's.
    /// </summary>
    private static string Amount(TemplateContext context, decimal value, int decimals = 0) =>
        ((context as MeteredTemplateContext)?.Locale ?? MessageCulture.For("")).Amount(value, decimals);

    private static string FormatObject(
        TemplateContext context, SourceSpan span, object? value, string? format, string? culture = null)
    {
        var invariant = InvariantOnly(culture);
        return (context as MeteredTemplateContext)?.Locale?.FormatNumber(value, format)
            ?? ObjectFunctions.Format(context, span, value, format, invariant);
    }

    private static string? InvariantOnly(string? culture) => culture is null
        ? null
        : throw new TemplateStoppedException(
            $"it formats a number in the culture '{culture}', which depends on the host's culture data");
}
