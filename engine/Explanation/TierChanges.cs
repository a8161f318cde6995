using System.Text.Json.Serialization;

namespace Decisions.Engine.Explanation;

/// <summary>
/// What it would take to get <paramref name="Tier"/>, a tier ranked above the decided one: each single input whose
/// change alone gives it, everything else equal, with the smallest such change found. Empty when no change of one
/// input was found to give it.
/// </summary>
public sealed record TierChanges(string Tier, IReadOnlyList<InputChange> Changes);

/// <summary>
/// One input changed from <paramref name="From"/> to <paramref name="To"/>; confirmed by deciding again with it.
/// </summary>
/// <param name="Field">The input field, e.g. <c>avgDailyBalance</c>.</param>
/// <param name="From">The value given (null when absent).</param>
/// <param name="To">The value that gives the tier.</param>
/// <param name="Label">The field's label in the rule set's locale, if it has one.</param>
/// <param name="Difference">For a number, <c>To - From</c> (an absent number counts as 0).</param>
public sealed record InputChange(
    string Field,
    object? From,
    object To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Difference = null);
