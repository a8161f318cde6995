namespace Decisions.Engine.Explanation;

/// <summary>How much of its explanation a decision carries. Each level includes the ones before it.</summary>
public enum ExplainLevel
{
    /// <summary>The decision and its rule-level trace only, as decisions were answered before explanations.</summary>
    None,

    /// <summary>
    /// Plus the reasons of what was decided: the conditions, with their values, that gave the tier, each granted
    /// privilege and the next action. Cheap: only the decided rules are looked at again. The default.
    /// </summary>
    Reasons,

    /// <summary>
    /// Plus every comparison of every evaluated rule in the trace, and why-not: for each tier ranked above the
    /// decided one, the comparisons that failed.
    /// </summary>
    Full,

    /// <summary>
    /// Plus what it would take: for each tier ranked above the decided one, the smallest change of one input that
    /// gives it, each confirmed by deciding again (<see cref="TierChanges"/>).
    /// </summary>
    Counterfactual,
}
