using System.ComponentModel;
using System.Text.Json;
using Decisions.Api.Audit;
using Decisions.Api.Decisions;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Decisions.Engine.Testing;

namespace Decisions.Api.RuleSets;

/// <summary>A rule set at a glance: what is active, what is scheduled, what is in review.</summary>
public sealed record RuleSetSummary(
    string Name, int? ActiveVersion, IReadOnlyList<ActivationEntry> Scheduled, IReadOnlyList<VersionSummary> Versions);

/// <summary>A version without its content: status and who moved it through review.</summary>
public sealed record VersionSummary(
    int Version, VersionStatus Status, string Hash, string Author, DateTimeOffset CreatedAt,
    string? SubmittedBy, DateTimeOffset? SubmittedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt,
    string? ReviewComment)
{
    public static VersionSummary From(RuleSetVersionRecord r) =>
        new(
            r.Version, r.Status, r.Hash, r.Author, r.CreatedAt,
            r.SubmittedBy, r.SubmittedAt, r.ReviewedBy, r.ReviewedAt, r.ReviewComment);
}

/// <summary>
/// A version with its content, the rule-set file as JSON, and <see cref="Contributors"/>: everyone who wrote any of
/// its content (<see cref="FourEyesPolicy"/>), none of whom may approve or reject it, and
/// <see cref="SubmitComment"/>: what the submitter said when submitting it last (null if never submitted).
/// </summary>
public sealed record VersionDetail(
    string Name, VersionSummary Summary, JsonElement Content, IReadOnlyList<string> Contributors,
    string? SubmitComment);

/// <summary>Start a draft from an existing version (<see cref="From"/>), or from the given content.</summary>
public sealed record CreateDraftRequest(int? From = null, JsonElement? Content = null);

/// <summary>A review step's comment, required for the trail.</summary>
public sealed record ReviewRequest(string Comment);

/// <summary>Activate now, or at <see cref="EffectiveAt"/> in the future.</summary>
public sealed record ActivateRequest(string Comment, DateTimeOffset? EffectiveAt = null);

/// <summary>Make an earlier published version active again, now.</summary>
public sealed record RollbackRequest(int ToVersion, string Comment);

/// <summary>
/// Evaluate a version for a sample customer without logging it, explained to <see cref="Explain"/> (as a decision is).
/// </summary>
public sealed record SimulateRequest(
    JsonElement Customer,
    DateTimeOffset? AsOf = null,
    [property: Description(ExplainOption.Description)] string? Explain = null);

/// <summary>
/// The period whose customers to re-decide, [<see cref="From"/>, <see cref="To"/>): from 90 days ago up to now when
/// not given; <see cref="Last"/> stops after that many customers, the most recently decided.
/// </summary>
public sealed record ImpactRequest(DateTimeOffset? From = null, DateTimeOffset? To = null, int? Last = null);

/// <summary>Validation problems (with JSON paths) and the embedded tests' results.</summary>
public sealed record ValidationResponse(
    bool Valid, IReadOnlyList<Problem> Problems, int TestsPassed, int TestsFailed, IReadOnlyList<TestResult> Tests);

/// <summary>One embedded test: passed or why not.</summary>
public sealed record TestResult(string Name, bool Passed, IReadOnlyList<string> Failures)
{
    public static IReadOnlyList<TestResult> From(TestReport? report) =>
        report is null ? [] : [.. report.Outcomes.Select(o => new TestResult(o.Name, o.Passed, o.Failures))];
}

/// <summary>A simulated decision explained to the level asked for, with its full trace; nothing is logged.</summary>
public sealed record SimulationResponse(
    Decision? Decision, DecisionFailure? Failure, IReadOnlyList<Problem> Problems, IReadOnlyList<TraceEntry> Trace);
