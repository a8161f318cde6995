using Decisions.Engine.Expressions;

namespace Decisions.Engine.Compilation;

public sealed partial class CompiledRuleSet
{
    /// <summary>
    /// Format 2: the absent fields (<paramref name="absent"/>, in schema order) read by a score that came out
    /// unknown or by a rule that did not match because its condition was unknown rather than false. Only the
    /// tiers above the decided one count: the ones below were never evaluated.
    /// </summary>
    private List<string> MissingInputs(
        Facts facts, List<string> absent, Dictionary<string, decimal> scores,
        int tierIndex, ulong granted, ulong matched)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        if (absent.Count == 0)
        {
            return [];
        }

        foreach (var score in _scoreRules)
        {
            if (!scores.ContainsKey(score.Name))
            {
                missing.UnionWith(score.Reads);
            }
        }

        for (var i = 0; i < tierIndex; i++)
        {
            AddIfUnknown(_tiers[i].Missing, facts, absent, missing);
        }

        for (var i = 0; i < _privileges.Length; i++)
        {
            AddIfUnknown((granted >> i & 1) == 0 ? _privileges[i].Missing : null, facts, absent, missing);
        }

        for (var i = 0; i < _actions.Length; i++)
        {
            AddIfUnknown((matched >> i & 1) == 0 ? _actions[i].Missing : null, facts, absent, missing);
        }

        return absent.FindAll(missing.Contains);
    }

    private static void AddIfUnknown(MissingCheck? check, Facts facts, List<string> absent, HashSet<string> missing)
    {
        if (check is not null && check.Reads.Any(absent.Contains) && check.Unknown.Value(facts))
        {
            missing.UnionWith(check.Reads);
        }
    }
}
