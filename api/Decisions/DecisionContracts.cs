using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;

namespace Decisions.Api.Decisions;

/// <summary>
/// Evaluate <see cref="RuleSet"/> (its active version, or the pinned <see cref="Version"/>) for one customer,
/// explained to <see cref="Explain"/> (see the <c>explain</c> query parameter).
/// </summary>
public sealed record DecisionRequest(
    [property: Required] string RuleSet,
    JsonElement Customer,
    DateTimeOffset? AsOf = null,
    int? Version = null,
    [property: Description(ExplainOption.Description)] string? Explain = null);

/// <summary>Evaluate one rule set for many customers (at most 1,000) in one call.</summary>
public sealed record BatchDecisionRequest(
    [property: Required] string RuleSet,
    IReadOnlyList<JsonElement> Customers,
    DateTimeOffset? AsOf = null,
    int? Version = null,
    [property: Description(ExplainOption.Description)] string? Explain = null);

/// <summary>
/// A decision as answered to the client and recorded in the log. <c>missingInputs</c> comes with format-2
/// versions only, so a format-1 answer, logged before formats existed or after, is written as it always was.
/// <c>explain</c> says the level it was given at; <c>trace</c> is there at <c>full</c> and up, and in answers logged
/// before explanations existed (which have no <c>explain</c> and no <c>reasons</c>).
/// </summary>
public sealed record DecisionResponse(
    string DecisionId,
    RuleSetRef RuleSet,
    DateTimeOffset DecidedAt,
    DateTimeOffset AsOf,
    [property: JsonPropertyName(LoggedAnswerShape.Tier)] TierOutcome Tier,
    [property: JsonPropertyName(LoggedAnswerShape.Privileges)] IReadOnlyList<PrivilegeOutcome> Privileges,
    [property: JsonPropertyName(LoggedAnswerShape.NextAction)] ActionOutcome? NextAction,
    IReadOnlyList<ActionOutcome> Alternatives,
    IReadOnlyDictionary<string, decimal> Scores,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<TraceEntry>? Trace = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MissingInputs = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Explain = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Reason>? Reasons = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Reason>? WhyNot = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TierChanges>? WhatItWouldTake = null)
{
    /// <summary>
    /// The answer to <paramref name="level"/> from <paramref name="d"/>, a decision explained to that level or more;
    /// <see cref="ExplainLevel.None"/> gives the shape answers had before explanations, byte for byte.
    /// </summary>
    public static DecisionResponse From(string id, DateTimeOffset decidedAt, Decision d, ExplainLevel level) =>
        new(id, d.RuleSet, decidedAt, d.AsOf, d.Tier, d.Privileges, d.NextAction, d.Alternatives, d.Scores,
            level switch
            {
                ExplainLevel.Reasons => null,
                ExplainLevel.None when d.Trace.Any(entry => entry.Condition is not null) =>
                    [.. d.Trace.Select(entry => entry with { Condition = null })],
                _ => d.Trace,
            },
            d.MissingInputs,
            ExplainOption.Name(level),
            level == ExplainLevel.None ? null : d.Reasons,
            level >= ExplainLevel.Full ? d.WhyNot : null,
            level == ExplainLevel.Counterfactual ? d.WhatItWouldTake : null);
}

/// <summary>One customer's answer in a batch: a decision, or the problems that prevented it.</summary>
public sealed record BatchItem(int Index, DecisionResponse? Decision, IReadOnlyList<Problem>? Errors);

/// <summary>The answers of a batch, in the order of the customers.</summary>
public sealed record BatchDecisionResponse(int Decided, int Failed, IReadOnlyList<BatchItem> Items);

/// <summary>
/// A logged decision as an auditor reads it: what came in and what went out. Once its personal data is erased,
/// <c>erasure</c> says when and by which trail entry, and the customer id, input and output are null.
/// </summary>
public sealed record LoggedDecision(
    string DecisionId, long Sequence, DateTimeOffset DecidedAt, RuleSetRef RuleSet, string? CustomerId,
    DateTimeOffset AsOf, JsonElement? Input, JsonElement? Output, LoggedErasure? Erasure = null,
    [property: Description(
        "The W3C trace id of the request that made the decision; null if logged before traces were.")]
    string? TraceId = null,
    [property: Description(
        "The configured name of the API key that asked (never the key); null if logged before callers were.")]
    string? Caller = null);

/// <summary>
/// When a decision's personal data was erased, the trail entry recording why, and the digest its chain link covers.
/// </summary>
public sealed record LoggedErasure(DateTimeOffset ErasedAt, long TrailEntry, string Digest);

/// <summary>The result of re-evaluating a logged decision with its recorded version, input and time.</summary>
public sealed record ReplayResponse(string DecisionId, bool Identical, IReadOnlyList<Difference> Differences,
    DecisionResponse? Replayed);

/// <summary>A JSON path where the replay differs from the recorded answer.</summary>
public sealed record Difference(string Path, JsonElement? Recorded, JsonElement? Replayed);

/// <summary>
/// Replay the logged decisions decided in [<see cref="From"/>, <see cref="To"/>), optionally of one rule set or customer.
/// </summary>
public sealed record ReplayRangeRequest(DateTimeOffset From, DateTimeOffset To, string? RuleSet = null,
    string? CustomerId = null, int Limit = 10_000);

/// <summary>
/// Replay, as a run (<c>/v1/analysis-runs</c>), the logged decisions decided in [<see cref="From"/>, <see cref="To"/>),
/// optionally of one rule set or customer, and at most <see cref="Limit"/> of them, the most recent.
/// </summary>
public sealed record ReplayRunRequest(DateTimeOffset From, DateTimeOffset To, string? RuleSet = null,
    string? CustomerId = null, int? Limit = null);

/// <summary>
/// How many replays were identical, and samples of those that were not or could not be replayed. Decisions whose
/// personal data was erased cannot be replayed and are not failures: <c>erased</c> counts them apart.
/// </summary>
public sealed record ReplaySummary(
    int Replayed, int Identical, int Different, int Failed,
    IReadOnlyList<string> DifferentSamples, IReadOnlyList<string> FailedSamples,
    int Erased = 0);
