using Decisions.Engine.Model;

namespace Decisions.Engine.Explanation;

/// <summary>
/// The labels an operand may be shown with, by the name expressions read it by (<c>scores.total</c>).
/// </summary>
internal static class OperandLabels
{
    /// <summary>Each labelled input field, parameter and score of <paramref name="ruleSet"/>, in its locale.</summary>
    public static IReadOnlyDictionary<string, string> Of(RuleSet ruleSet)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, field) in ruleSet.Input)
        {
            if (field.Label is { } label)
            {
                labels["customer." + name] = label.In(ruleSet.Locale);
            }
        }

        foreach (var (name, parameter) in ruleSet.Parameters)
        {
            if (parameter.Label is { } label)
            {
                labels["params." + name] = label.In(ruleSet.Locale);
            }
        }

        foreach (var score in ruleSet.Scores.Rules)
        {
            if (score.Label is { } label)
            {
                labels["scores." + score.Name] = label.In(ruleSet.Locale);
            }
        }

        return labels;
    }
}
