namespace Decisions.Engine.Model;

/// <summary>
/// The semantics a rule-set file declares with <c>"format"</c>. A decision logged under one format must replay
/// identically forever, so a change of meaning is a new format and the old one stays as it was.
/// </summary>
public static class RuleSetFormat
{
    /// <summary>
    /// The original semantics: an absent optional number is 0, a boolean false, a list empty; messages render
    /// numbers and dates with the invariant culture.
    /// </summary>
    public const int Original = 1;

    /// <summary>
    /// DMN FEEL's missing values: an absent optional input is null (or its declared default), a comparison
    /// with null is not true, so a rule that needs an unknown value does not match; messages format dates and
    /// numbers for the rule set's locale.
    /// </summary>
    public const int MissingIsNull = 2;

    /// <summary>The format of <paramref name="ruleSet"/>: format 1 when the file does not say.</summary>
    public static int Of(RuleSet ruleSet) => ruleSet.Format ?? Original;

    /// <summary>Whether absent inputs are null and messages follow the locale (format 2 and later).</summary>
    public static bool HasMissingValues(RuleSet ruleSet) => Of(ruleSet) >= MissingIsNull;

    /// <summary>Whether this engine knows <paramref name="format"/>.</summary>
    public static bool IsKnown(int format) => format is Original or MissingIsNull;
}
