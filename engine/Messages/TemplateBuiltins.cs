using Scriban;
using Scriban.Runtime;

namespace Decisions.Engine.Messages;

/// <summary>
/// Scriban's built-in functions minus those that read the clock or randomness (they would break replay),
/// load other templates, evaluate text as a template, grow a string without bound,
/// or run a regular expression (html.strip backtracks for seconds on a short text).
/// </summary>
internal static class TemplateBuiltins
{
    private static readonly Dictionary<string, string[]> Removed = new(StringComparer.Ordinal)
    {
        ["date"] = ["now", "utc_now"],
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
        foreach (var (module, functions) in Removed)
        {
            var scriptObject = (ScriptObject)builtins[module]!;
            foreach (var function in functions)
            {
                scriptObject.Remove(function);
            }
        }

        return builtins;
    }
}
