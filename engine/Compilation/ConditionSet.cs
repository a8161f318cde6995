using System.Linq.Expressions;

namespace Decisions.Engine.Compilation;

/// <summary>
/// The conditions of one section compiled into one delegate: invoking a compiled expression costs about
/// 20 ns here whatever it does, so 30 rules as 3 delegates instead of 30 save a sixth of a decision.
/// Tiers get the index of the first match; privileges and actions a bit mask of every match. When a
/// condition throws, the section is evaluated again one rule at a time to name the rule that failed.
/// </summary>
internal sealed class ConditionSet
{
    /// <summary>The most rules one section may hold: one bit of the mask each.</summary>
    public const int MaxRules = 64;

    private readonly Func<Facts, int>? _firstMatch;
    private readonly Func<Facts, ulong>? _allMatches;
    private readonly Lazy<Func<Facts, bool>>[] _single;

    /// <param name="conditions">The conditions, bound to <paramref name="facts"/>.</param>
    /// <param name="facts">The one parameter of every condition.</param>
    /// <param name="firstMatchOnly">Tiers: compile the first-match index; otherwise the mask of every match.</param>
    public ConditionSet(IReadOnlyList<Expression> conditions, ParameterExpression facts, bool firstMatchOnly)
    {
        if (conditions.Count > MaxRules)
        {
            throw new ArgumentOutOfRangeException(nameof(conditions), $"At most {MaxRules} conditions.");
        }

        Expression first = Expression.Constant(-1);
        Expression all = Expression.Constant(0UL);
        for (var i = conditions.Count - 1; i >= 0; i--)
        {
            first = Expression.Condition(conditions[i], Expression.Constant(i), first);
            all = Expression.Or(
                Expression.Condition(conditions[i], Expression.Constant(1UL << i), Expression.Constant(0UL)), all);
        }

        if (firstMatchOnly)
        {
            _firstMatch = Expression.Lambda<Func<Facts, int>>(first, facts).Compile();
        }
        else
        {
            _allMatches = Expression.Lambda<Func<Facts, ulong>>(all, facts).Compile();
        }

        // Single conditions serve only to name a rule that throws: compiled on first use.
        _single = [.. conditions.Select(condition => new Lazy<Func<Facts, bool>>(
            () => Expression.Lambda<Func<Facts, bool>>(condition, facts).Compile()))];
    }

    public int Count => _single.Length;

    /// <summary>The index of the first condition that holds, or -1; throws what a condition throws.</summary>
    public int FirstMatch(Facts facts) => _firstMatch!(facts);

    /// <summary>Bit i is set when condition i holds; throws what a condition throws.</summary>
    public ulong AllMatches(Facts facts) => _allMatches!(facts);

    /// <summary>One condition alone, to find which one throws.</summary>
    public bool Single(int index, Facts facts) => _single[index].Value(facts);
}
