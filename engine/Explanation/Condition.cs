using System.Text.Json.Serialization;

namespace Decisions.Engine.Explanation;

/// <summary>
/// A rule that decided part of an answer (the tier, a privilege, the next action) or, in why-not, a tier that did
/// not hold, with the part of its condition that decided it.
/// </summary>
/// <param name="Section"><c>tiers</c>, <c>privileges</c> or <c>nextActions</c>.</param>
/// <param name="Rule">The rule's code.</param>
/// <param name="Condition">The rule's condition as evaluated.</param>
public sealed record Reason(string Section, string Rule, Condition Condition);

/// <summary>
/// One node of a rule's condition as evaluated for a customer. A <c>comparison</c> (<c>a &gt;= b</c>,
/// <c>a in b</c>) and a <c>test</c> (any other true-or-false expression) carry their operands with the values they
/// had; <c>all</c> (<c>&amp;&amp;</c>), <c>any</c> (<c>||</c>) and <c>not</c> carry their parts. In reasons and
/// why-not only the parts that decided are kept: for a true <c>any</c> the true branches, for a false <c>all</c>
/// the false ones (for a true <c>all</c> and a false <c>any</c>, every part). A part that cannot be evaluated on
/// its own, because an earlier part guards it, is left out.
/// </summary>
public sealed record Condition
{
    /// <summary><c>comparison</c>, <c>test</c>, <c>all</c>, <c>any</c> or <c>not</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Whether the node held for this customer.</summary>
    public required bool Holds { get; init; }

    /// <summary>The comparison's operator as written: <c>&gt;=</c>, <c>==</c>, <c>in</c>...</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Operator { get; init; }

    /// <summary>A comparison's left and right operands; a test's one operand, the expression itself.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Operand>? Operands { get; init; }

    /// <summary>The parts of <c>all</c>, <c>any</c> and <c>not</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Condition>? Parts { get; init; }

    /// <summary>
    /// A comparison or test with its values, for people who read the rules, e.g.
    /// <c>customer.avgDailyBalance = 620000 &gt;= params.vipAvgDailyBalance = 500000</c>; null for the other kinds.
    /// </summary>
    /// <remarks>Written when first read, so that a decision pays for it only when it is answered; a condition read
    /// back from a logged answer keeps the text it was logged with.</remarks>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text
    {
        get => field ??= Operands is null ? null : ConditionText.Technical(this);
        init;
    }

    /// <summary>
    /// The same with the labels of the rule set's locale and grouped amounts, for a teller, e.g.
    /// <c>日均余额 620,000 ≥ 贵宾门槛 500,000</c>; an operand without a label is shown by its name.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Readable
    {
        get => field ??= Operands is null ? null : ConditionText.Readable(this);
        init;
    }
}

/// <summary>
/// One side of a comparison with the value it had: a field, parameter, score or computed expression by its name,
/// or a literal (no name).
/// </summary>
/// <param name="Name">The expression as written, e.g. <c>customer.avgDailyBalance</c>; null for a literal.</param>
/// <param name="Value">Its value for this customer.</param>
/// <param name="Label">The label of the field, parameter or score in the rule set's locale, if it has one.</param>
public sealed record Operand(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name = null,
    object? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Label = null);
