using Decisions.Api.Checkpoints;

namespace Decisions.Api.Storage;

/// <summary>
/// Rule-set versions and their activations. Every change is written with its audit entry, atomically.
/// </summary>
public interface IRuleSetStore
{
    Task<IReadOnlyList<RuleSetVersionRecord>> ListAsync(CancellationToken cancellationToken);

    Task<RuleSetVersionRecord?> GetAsync(string name, int version, CancellationToken cancellationToken);

    Task<IReadOnlyList<Activation>> ActivationsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Inserts or replaces a version; fails with <see cref="ConcurrencyException"/> if the stored one is not
    /// <paramref name="expected"/>.
    /// </summary>
    Task SaveAsync(RuleSetVersionRecord record, RuleSetVersionRecord? expected, AuditDraft audit,
        CancellationToken cancellationToken);

    /// <summary>Appends an activation (or a cancellation) with its audit entry; returns it numbered.</summary>
    Task<Activation> ActivateAsync(Activation activation, AuditDraft audit, CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes whenever a version or an activation is written, by this process or another.
    /// </summary>
    Task<long> ChangeStampAsync(CancellationToken cancellationToken);
}

/// <summary>The append-only decision log. <see cref="AppendAsync"/> returns once the decision is durable.</summary>
public interface IDecisionLog
{
    Task<DecisionRecord> AppendAsync(DecisionRecord record, CancellationToken cancellationToken);

    /// <summary>Throws <see cref="UnreadableDecisionException"/> when the stored payload cannot be read.</summary>
    Task<DecisionRecord?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// One page of matches, newest first, strictly before the cursor <see cref="DecisionQuery.Before"/>.
    /// </summary>
    Task<DecisionPage> SearchAsync(DecisionQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// The decisions logged with the idempotency key <paramref name="key"/>, by their index in the request.
    /// </summary>
    Task<IReadOnlyList<DecisionRecord>> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// The sequence number of the first decision decided at or after <paramref name="from"/> (null when none): where
    /// a newest-first read of a period ends, so that a long run can tell how far it has come. One index lookup.
    /// </summary>
    Task<long?> FirstSequenceAsync(DateTimeOffset from, CancellationToken cancellationToken);
}

/// <summary>The change trail.</summary>
public interface IAuditTrail
{
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? ruleSet, CancellationToken cancellationToken);

    /// <summary>
    /// At most <paramref name="limit"/> entries with a sequence number above <paramref name="after"/>, oldest first,
    /// of <paramref name="ruleSet"/> when given: a page read by index, however long the trail.
    /// </summary>
    Task<IReadOnlyList<AuditEntry>> PageAsync(
        string? ruleSet, long after, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Checks the change trail, the decision log, the stored versions and the activations, and with
    /// <paramref name="expected"/> that both chains extend those heads; names the first broken entry.
    /// </summary>
    Task<ChainReport> VerifyAsync(ChainHeads? expected, CancellationToken cancellationToken);

    /// <summary>The current length and head hash of the change trail and of the decision log.</summary>
    Task<ChainHeads> HeadsAsync(CancellationToken cancellationToken);
}

/// <summary>Signed checkpoints, kept in the store so that they can be listed; auditors keep their own copies.</summary>
public interface ICheckpointStore
{
    /// <summary>Stores a checkpoint and returns it numbered.</summary>
    Task<SignedCheckpoint> AppendCheckpointAsync(SignedCheckpoint checkpoint, CancellationToken cancellationToken);

    /// <summary>The newest checkpoints first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<SignedCheckpoint>> CheckpointsAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>
/// The result of verifying the hash chains; <see cref="FirstBroken"/> names the first entry that fails.
/// <see cref="CheckpointAt"/> is the time of the signed checkpoint the chains were checked against, if any.
/// </summary>
public sealed record ChainReport(
    bool Intact, int AuditEntries, int Decisions, int Versions, string? FirstBroken,
    string? Reason, int Activations = 0,
    DateTimeOffset? CheckpointAt = null);

/// <summary>What an audit entry says before the store chains it.</summary>
public sealed record AuditDraft(
    DateTimeOffset At, string Actor, AuditAction Action, string RuleSet, int? Version,
    string? ContentHash, string? Comment,
    DateTimeOffset? EffectiveAt = null, long? Cancels = null)
{
    /// <summary>
    /// The entry at <paramref name="sequence"/>, linked to <paramref name="previousHash"/> and hashed.
    /// </summary>
    public AuditEntry Chained(long sequence, string previousHash)
    {
        var entry = new AuditEntry(sequence, At, Actor, Action.Text(), RuleSet, Version, ContentHash, Comment,
            previousHash, "", EffectiveAt, Cancels);
        return entry with { Hash = Chain.Of(entry) };
    }
}

/// <summary>
/// A search of the decision log; every part is optional, newest first. <see cref="Before"/> is the paging
/// cursor: only decisions with a lower sequence number match (a page's <see cref="DecisionPage.Next"/>).
/// <see cref="CheckPayload"/> false skips parsing each payload to check it is JSON, for a reader that parses it anyway.
/// <see cref="CustomerIdPrefix"/> matches customer ids that start with it, compared ordinally (as typed, case and all).
/// </summary>
public sealed record DecisionQuery(
    string? CustomerId = null, string? RuleSet = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int Limit = 100,
    long? Before = null, bool CheckPayload = true, string? CustomerIdPrefix = null)
{
    /// <summary>The longest prefix a search takes: longer than any customer id a bank issues.</summary>
    public const int MaxPrefixLength = 128;

    /// <summary>Whether a decision of <paramref name="customerId"/> matches the query's customer parts.</summary>
    public bool MatchesCustomer(string? customerId) =>
        (CustomerId is null || customerId == CustomerId)
        && (CustomerIdPrefix is null || customerId?.StartsWith(CustomerIdPrefix, StringComparison.Ordinal) == true);
}

/// <summary>The stored version changed since it was read: another request won.</summary>
public sealed class ConcurrencyException(string message) : Exception(message);
