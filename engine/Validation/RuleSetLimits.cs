using Decisions.Engine.Model;

namespace Decisions.Engine.Validation;

/// <summary>
/// The sizes that bound how long validating a rule set takes, checked before anything is compiled: a rule set
/// beyond them is refused at once with the path of what is too big.
/// </summary>
internal static class RuleSetLimits
{
    /// <summary>The rule-set text itself, before it is parsed.</summary>
    public static Problem? CheckText(string json, DecisionEngineOptions options) =>
        json.Length > options.MaxRuleSetLength
            ? new Problem("", $"The rule set is {json.Length} characters; the limit is {options.MaxRuleSetLength}.")
            : null;

    public static void Check(RuleSet ruleSet, DecisionEngineOptions options, List<Problem> problems)
    {
        void AtMost(int count, int limit, string path, string what)
        {
            if (count > limit)
            {
                problems.Add(new Problem(path, $"A rule set may hold at most {limit} {what}; this one has {count}."));
            }
        }

        AtMost(ruleSet.Input.Count, options.MaxFields, "input", "input fields");
        AtMost(ruleSet.Parameters.Count, options.MaxFields, "parameters", "parameters");
        AtMost(ruleSet.Scores.Rules.Count, options.MaxScoreRules, "scores.rules", "score rules");
        AtMost(ruleSet.Tests.Count, options.MaxTests, "tests", "tests");
        for (var i = 0; i < ruleSet.Scores.Rules.Count; i++)
        {
            if (ruleSet.Scores.Rules[i]?.Table is { } table)
            {
                var path = $"scores.rules[{i}].table.rows";
                AtMost(table.Rows.Count, options.MaxTableRows, path, "rows in one points table");
            }
        }
    }
}
