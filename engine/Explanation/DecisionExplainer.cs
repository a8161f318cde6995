using System.Numerics;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Explanation;

/// <summary>
/// Explains a decision made by a rule-set version from the facts it was made with: the reasons of what was decided,
/// the full trace and why-not. It reads the rules' atoms again after the decision; it never changes what was decided.
/// </summary>
internal sealed class DecisionExplainer(ExplainedRule[] tiers, ExplainedRule[] privileges, ExplainedRule[] actions)
{
    private const string TiersSection = "tiers";
    private const string PrivilegesSection = "privileges";
    private const string ActionsSection = "nextActions";

    /// <summary>
    /// The conditions that gave tier <paramref name="tier"/>, each privilege in <paramref name="granted"/> and the
    /// action at <paramref name="next"/> (-1 for none), in that order.
    /// </summary>
    public IReadOnlyList<Reason> Reasons(Facts facts, int tier, ulong granted, int next)
    {
        var reasons = new List<Reason>(2 + BitOperations.PopCount(granted))
        {
            tiers[tier].Reason(TiersSection, facts, holds: true, prune: true),
        };
        for (var bits = granted; bits != 0; bits &= bits - 1)
        {
            var privilege = privileges[BitOperations.TrailingZeroCount(bits)];
            reasons.Add(privilege.Reason(PrivilegesSection, facts, holds: true, prune: true));
        }

        if (next >= 0)
        {
            reasons.Add(actions[next].Reason(ActionsSection, facts, holds: true, prune: true));
        }

        return reasons;
    }

    /// <summary>For every tier ranked above <paramref name="tier"/>, the parts of its condition that failed.</summary>
    public IReadOnlyList<Reason> WhyNot(Facts facts, int tier) =>
        [.. tiers.Take(tier).Select(rule => rule.Reason(TiersSection, facts, holds: false, prune: true))];

    /// <summary><paramref name="trace"/> with every comparison of every condition evaluated.</summary>
    public IReadOnlyList<TraceEntry> Full(Facts facts, IReadOnlyList<TraceEntry> trace)
    {
        var full = new List<TraceEntry>(trace.Count);
        int tier = 0, privilege = 0, action = 0;
        foreach (var entry in trace)
        {
            var rule = entry.Section switch
            {
                TiersSection => tiers[tier++],
                PrivilegesSection => privileges[privilege++],
                ActionsSection => actions[action++],
                _ => null,
            };
            full.Add(rule is null || entry.Error is not null
                ? entry
                : entry with { Condition = rule.Node.Explain(facts, entry.Matched, prune: false) });
        }

        return full;
    }
}

/// <summary>
/// A rule's code and its condition split for explanations; it gives its last reason again while unchanged.
/// </summary>
internal sealed class ExplainedRule(string code, ConditionNode node)
{
    private Reason? _last;

    public ConditionNode Node => node;

    public Reason Reason(string section, Facts facts, bool holds, bool prune)
    {
        var condition = node.Explain(facts, holds, prune);
        return _last is { } last && ReferenceEquals(last.Condition, condition) && last.Section == section
            ? last
            : _last = new Reason(section, code, condition);
    }
}
