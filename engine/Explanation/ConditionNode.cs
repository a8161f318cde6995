using Decisions.Engine.Compilation;

namespace Decisions.Engine.Explanation;

/// <summary>
/// A rule's condition split at <c>&amp;&amp;</c>, <c>||</c> and <c>!</c> into its atomic comparisons and tests,
/// each compiled on its own (on first use) beside the section's one delegate. The decision is always made by the
/// section's delegate; a node only re-reads, for the rules it is asked about, which parts held and with which values.
/// </summary>
internal abstract class ConditionNode
{
    /// <summary>Whether the node holds; throws what the expression throws.</summary>
    public abstract bool Holds(Facts facts);

    /// <summary>
    /// The node as evaluated, given that it <paramref name="holds"/>; with <paramref name="prune"/>, only the parts
    /// that decided (those whose outcome equals their parent's).
    /// </summary>
    public abstract Condition Explain(Facts facts, bool holds, bool prune);

    /// <summary>Every atom below this node, in the order written.</summary>
    public abstract IEnumerable<Atom> Atoms();
}

/// <summary><c>a &amp;&amp; b &amp;&amp; ...</c> (all) or <c>a || b || ...</c> (any), flattened.</summary>
internal sealed class Junction(bool all, ConditionNode[] parts) : ConditionNode
{
    public override bool Holds(Facts facts)
    {
        foreach (var part in parts)
        {
            if (part.Holds(facts) != all)
            {
                return !all;
            }
        }

        return all;
    }

    public override Condition Explain(Facts facts, bool holds, bool prune)
    {
        // -1: the part cannot be evaluated on its own (an earlier part decided and guards it), 0: false, 1: true.
        Span<sbyte> outcomes = stackalloc sbyte[parts.Length];
        var kept = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            try
            {
                outcomes[i] = parts[i].Holds(facts) ? (sbyte)1 : (sbyte)0;
            }
            catch (Exception exception) when (CompiledRuleSet.IsRuleError(exception))
            {
                outcomes[i] = -1;
            }

            kept += outcomes[i] >= 0 && (!prune || outcomes[i] == 1 == holds) ? 1 : 0;
        }

        var explained = new Condition[kept];
        for (int i = 0, k = 0; i < parts.Length; i++)
        {
            if (outcomes[i] >= 0 && (!prune || outcomes[i] == 1 == holds))
            {
                explained[k++] = parts[i].Explain(facts, outcomes[i] == 1, prune);
            }
        }

        return new Condition { Kind = all ? "all" : "any", Holds = holds, Parts = explained };
    }

    public override IEnumerable<Atom> Atoms() => parts.SelectMany(part => part.Atoms());
}

/// <summary><c>!a</c>.</summary>
internal sealed class Negation(ConditionNode part) : ConditionNode
{
    public override bool Holds(Facts facts) => !part.Holds(facts);

    public override Condition Explain(Facts facts, bool holds, bool prune) =>
        new() { Kind = "not", Holds = holds, Parts = [part.Explain(facts, !holds, prune)] };

    public override IEnumerable<Atom> Atoms() => part.Atoms();
}

/// <summary>
/// A comparison (<c>a &gt;= b</c>, <c>a in b</c>) with its two operands, or a test (any other true-or-false
/// expression) whose one operand is itself. It keeps the last condition it explained and gives it again while the
/// outcome and values are the same (a privilege's <c>tier in (...)</c> for every VIP), so that reasons cost little.
/// </summary>
internal sealed class Atom(string? op, Lazy<Func<Facts, bool>> holds, OperandNode[] operands, OperandNode? tested)
    : ConditionNode
{
    private Condition? _last;

    /// <summary>The comparison's operator, or null for a test.</summary>
    public string? Operator => op;

    /// <summary>A comparison's left and right operands; none for a test.</summary>
    public IReadOnlyList<OperandNode> Operands => operands;

    /// <summary>A test's expression as an operand; null for a comparison.</summary>
    public OperandNode? Tested => tested;

    public override bool Holds(Facts facts) => holds.Value(facts);

    public override Condition Explain(Facts facts, bool holds, bool prune)
    {
        if (op is null)
        {
            return Reuse(holds, holds, null)
                ?? Keep(new Condition { Kind = "test", Holds = holds, Operands = [tested!.With(holds)] });
        }

        var left = operands[0].Value(facts);
        var right = operands[1].Value(facts);
        return Reuse(holds, left, right) ?? Keep(new Condition
        {
            Kind = "comparison",
            Holds = holds,
            Operator = op,
            Operands = new[] { operands[0].With(left), operands[1].With(right) },
        });
    }

    public override IEnumerable<Atom> Atoms() => [this];

    private Condition? Reuse(bool holds, object? left, object? right) =>
        _last is { } last && last.Holds == holds && OperandNode.Same(last.Operands![0].Value, left)
        && (op is null || OperandNode.Same(last.Operands[1].Value, right))
            ? last
            : null;

    private Condition Keep(Condition condition) => _last = condition;
}
