using System.Security.Cryptography;
using System.Text;

namespace Decisions.Api.Storage;

/// <summary>
/// That a logged decision's personal data (input, output, customer id) was erased: when, by which entry of the
/// change trail, and the content digest its link hash covers, kept so that the chain still verifies.
/// </summary>
public sealed record DecisionErasure(DateTimeOffset At, long TrailEntry, string Digest)
{
    /// <summary>
    /// The digest a decision's link covers: the kept one once erased, otherwise recomputed from the stored
    /// content, so that an edited payload is still detected.
    /// </summary>
    public static string DigestOf(DecisionRecord record) => record.Erasure?.Digest ?? Chain.Digest(record);

    /// <summary>
    /// Whether the trail entry this erasure names records an erasure at the same time: a payload removed by
    /// editing the store, outside an audited erasure, is named by verification even though its digest was kept.
    /// </summary>
    /// <param name="audit">The verified trail, in sequence order from 1.</param>
    public bool IsRecordedIn(IReadOnlyList<AuditEntry> audit) =>
        TrailEntry >= 1 && TrailEntry <= audit.Count
        && audit[(int)TrailEntry - 1] is var entry
        && AuditActions.Parse(entry.Action) is AuditAction.Erased or AuditAction.RetentionSwept
        && entry.At == At;

    /// <summary>
    /// The SHA-256 of a customer id as the trail records it: an auditor who knows the id can confirm an
    /// erasure, while the trail does not hold the id in clear. Unsalted, so a guessable id is re-identifiable.
    /// </summary>
    public static string CustomerDigest(string customerId) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(customerId)));
}

/// <summary>Which decisions an erasure removes the personal data of.</summary>
public abstract record ErasureScope
{
    /// <summary>Every decision logged for the customer (a lawful erasure request).</summary>
    public sealed record Customer(string CustomerId) : ErasureScope;

    /// <summary>
    /// At most <paramref name="Limit"/> decisions decided before the cutoff, oldest first (retention).
    /// </summary>
    public sealed record DecidedBefore(DateTimeOffset Cutoff, int Limit) : ErasureScope;
}

/// <summary>What an erasure did: how many decisions it erased and the trail entry that records it.</summary>
public sealed record ErasureReceipt(int Erased, long? TrailEntry);

/// <summary>
/// Erases decisions' payloads in place, never deleting a row or document, in one transaction with the trail entry
/// that records it. <c>audit</c> gets the number of decisions found and returns the entry to write, or null to
/// erase nothing (a sweep that found nothing leaves no entry).
/// </summary>
public interface IDecisionErasure
{
    Task<ErasureReceipt> EraseAsync(ErasureScope scope, Func<int, AuditDraft?> audit,
        CancellationToken cancellationToken);
}
