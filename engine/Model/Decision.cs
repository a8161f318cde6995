using System.Text.Json.Serialization;
using Decisions.Engine.Explanation;

namespace Decisions.Engine.Model;

/// <summary>Identifies the exact rule-set content a decision was made with.</summary>
public sealed record RuleSetRef(string Name, int Version, string Hash);

/// <summary>
/// The outcome of one evaluation: a pure function of (rule-set version, customer input, decision time).
/// With format 2, <c>missingInputs</c> lists the absent customer fields, in schema order, that made a rule or a
/// score unknown, so that it did not match; format 1 decisions have none (null, not written).
/// </summary>
public sealed record Decision(
    RuleSetRef RuleSet,
    DateTimeOffset AsOf,
    TierOutcome Tier,
    IReadOnlyList<PrivilegeOutcome> Privileges,
    ActionOutcome? NextAction,
    IReadOnlyList<ActionOutcome> Alternatives,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyList<TraceEntry> Trace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MissingInputs = null)
{
    /// <summary>
    /// The conditions, with their values, that gave the tier, each granted privilege and the next action
    /// (<see cref="ExplainLevel.Reasons"/> and up; empty at <see cref="ExplainLevel.None"/>).
    /// </summary>
    public IReadOnlyList<Reason> Reasons { get; init; } = [];

    /// <summary>
    /// For each tier ranked above the decided one, what failed (<see cref="ExplainLevel.Full"/> and up).
    /// </summary>
    public IReadOnlyList<Reason>? WhyNot { get; init; }

    /// <summary>
    /// For each tier ranked above the decided one, the single-input changes that give it
    /// (<see cref="ExplainLevel.Counterfactual"/>).
    /// </summary>
    public IReadOnlyList<TierChanges>? WhatItWouldTake { get; init; }
}

/// <summary>
/// The JSON name of every outcome's code. Pinned rather than derived from the member's name: logged answers are
/// read back by it (impact compares logged codes), so renaming the member must not rename it.
/// </summary>
public static class OutcomeJson
{
    public const string Code = "code";
}

/// <summary>The decided tier with its display text.</summary>
public sealed record TierOutcome(
    [property: JsonPropertyName(OutcomeJson.Code)] string Code, string Label, LocalizedText Labels,
    string? Owner, string? Message);

/// <summary>A granted privilege.</summary>
public sealed record PrivilegeOutcome([property: JsonPropertyName(OutcomeJson.Code)] string Code, string Label);

/// <summary>A next action; only the winner carries a rendered message.</summary>
public sealed record ActionOutcome(
    [property: JsonPropertyName(OutcomeJson.Code)] string Code, string Title, int Priority, string? Message);

/// <summary>
/// One rule evaluated: its section, its code or name, whether it matched, its value (scores), any error, and at
/// <see cref="ExplainLevel.Full"/> its condition with every comparison (omitted when absent).
/// </summary>
/// <remarks>A struct: a decision records one per rule, and a list of structs is one allocation.</remarks>
public readonly record struct TraceEntry(
    string Section, string Rule, bool Matched, decimal? Value = null, string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Condition? Condition = null);

/// <summary>
/// A problem found in a rule set or an input, located by a JSON path such as <c>tiers.rules[2].when</c>.
/// </summary>
public sealed record Problem(string Path, string Message);
