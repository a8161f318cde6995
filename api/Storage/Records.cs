using System.Text.Json.Serialization;

namespace Decisions.Api.Storage;

/// <summary>
/// The lifecycle of a rule-set version: only drafts change; everything after submission is immutable.
/// </summary>
public enum VersionStatus
{
    Draft,
    Submitted,
    Approved,
    Rejected,
}

/// <summary>A stored rule-set version: its file content, its hash, and who moved it through review.</summary>
public sealed record RuleSetVersionRecord
{
    public required string Name { get; init; }

    public required int Version { get; init; }

    public required VersionStatus Status { get; init; }

    /// <summary>The rule-set file, exactly as exported.</summary>
    public required string Json { get; init; }

    public required string Hash { get; init; }

    public required string Author { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public string? SubmittedBy { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public string? ReviewedBy { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    public string? ReviewComment { get; init; }
}

/// <summary>
/// From <see cref="EffectiveAt"/> on, <see cref="Version"/> is the active version of <see cref="Name"/>;
/// the latest activation not in the future wins, so scheduling and "which version at time T" are one rule.
/// A record of kind <see cref="ActivationKind.Cancel"/> takes the activation numbered <see cref="Cancels"/> off.
/// PostgreSQL stores it as JSON under these pinned names, so renaming a member leaves old rows readable; the API
/// answers with its own type.
/// </summary>
public sealed record Activation(
    [property: JsonPropertyName("Sequence")] long Sequence,
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Version")] int Version,
    [property: JsonPropertyName("EffectiveAt")] DateTimeOffset EffectiveAt,
    [property: JsonPropertyName("By")] string By,
    [property: JsonPropertyName("At")] DateTimeOffset At,
    [property: JsonPropertyName("Kind")] string Kind,
    [property: JsonPropertyName("Cancels")] long? Cancels = null);

/// <summary>
/// One entry of the tamper-evident change trail: each hashes the one before it. Entries that record an activation
/// also carry when it takes effect and, for a cancellation, the activation it cancels (older trails lack both).
/// Stored under pinned JSON names (see <see cref="Activation"/>).
/// </summary>
public sealed record AuditEntry(
    [property: JsonPropertyName("Sequence")] long Sequence,
    [property: JsonPropertyName("At")] DateTimeOffset At,
    [property: JsonPropertyName("Actor")] string Actor,
    [property: JsonPropertyName("Action")] string Action,
    [property: JsonPropertyName("RuleSet")] string RuleSet,
    [property: JsonPropertyName("Version")] int? Version,
    [property: JsonPropertyName("ContentHash")] string? ContentHash,
    [property: JsonPropertyName("Comment")] string? Comment,
    [property: JsonPropertyName("PreviousHash")] string PreviousHash,
    [property: JsonPropertyName("Hash")] string Hash,
    [property: JsonPropertyName("EffectiveAt")] DateTimeOffset? EffectiveAt = null,
    [property: JsonPropertyName("Cancels")] long? Cancels = null);

/// <summary>A logged decision: everything needed to replay it, chained to the one before it.</summary>
public sealed record DecisionRecord
{
    public required string Id { get; init; }

    public long Sequence { get; init; }

    public required DateTimeOffset DecidedAt { get; init; }

    public required string RuleSet { get; init; }

    public required int Version { get; init; }

    public required string RuleSetHash { get; init; }

    public required string? CustomerId { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    /// <summary>The customer input, as received.</summary>
    public required string Input { get; init; }

    /// <summary>The decision, as answered.</summary>
    public required string Output { get; init; }

    public string PreviousHash { get; init; } = "";

    public string Hash { get; init; } = "";

    /// <summary>
    /// The client's Idempotency-Key, when it sent one. Not part of the chained digest: it decides which request a
    /// retry gets back, never what the answer is.
    /// </summary>
    public IdempotencyTag? Idempotency { get; init; }

    /// <summary>
    /// The W3C trace the decision was made in (32 hex digits), and the configured name of the API key that asked for it
    /// (never the key). Decisions logged before these were recorded have neither. Both are in the chained digest when
    /// present (<see cref="Chain.Digest"/>): who asked is part of what an auditor relies on.
    /// </summary>
    public string? TraceId { get; init; }

    /// <inheritdoc cref="TraceId"/>
    public string? Caller { get; init; }

    /// <summary>
    /// Set once the personal data is erased: <see cref="Input"/> and <see cref="Output"/> are then empty.
    /// </summary>
    public DecisionErasure? Erasure { get; init; }
}

/// <summary>
/// What lets a retried request return its logged decision: <paramref name="Key"/> is the client's key scoped to the
/// calling API key, <paramref name="RequestDigest"/> the digest of the request it came with (another request with
/// the same key is refused), <paramref name="Index"/> the decision's place in a batch (0 for a single decision).
/// </summary>
public sealed record IdempotencyTag(string Key, string RequestDigest, int Index);
