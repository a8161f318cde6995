using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Erasure;

/// <summary>
/// Erases decisions' personal data, each erasure recorded in the change trail in the same transaction: a lawful
/// request names a customer (the trail keeps the SHA-256 of the id, not the id), a retention sweep a cutoff time.
/// </summary>
public sealed class DecisionErasures(IDecisionErasure store, TimeProvider clock, IOptions<RetentionOptions> options)
{
    /// <summary>The actor the trail names for retention sweeps.</summary>
    public const string RetentionActor = "retention";

    public async Task<Outcome<ErasureResponse>> EraseCustomerAsync(
        ErasureRequest request, string actor, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.CustomerId) || request.CustomerId.Length > 200)
        {
            problems.Add(new Problem("customerId",
                "Give the customer id the decisions were logged with (1 to 200 chars)."));
        }

        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 1_000)
        {
            problems.Add(new Problem("reason", "Say why, e.g. the request's reference (1 to 1,000 characters)."));
        }

        if (problems.Count > 0)
        {
            return new Failure.Invalid("The erasure request is incomplete.", problems);
        }

        var digest = DecisionErasure.CustomerDigest(request.CustomerId!);
        var now = clock.GetUtcNow();
        var receipt = await store.EraseAsync(
            new ErasureScope.Customer(request.CustomerId!),
            count => new AuditDraft(
                now, actor, AuditAction.Erased, "", null, digest, $"{count} decision(s) erased: {request.Reason}"),
            cancellationToken).ConfigureAwait(false);
        return new ErasureResponse(receipt.Erased, receipt.TrailEntry!.Value, digest, now);
    }

    /// <summary>
    /// Erases one batch of decisions decided before the retention period; null when retention is off. A sweep that
    /// finds nothing writes no trail entry.
    /// </summary>
    public async Task<ErasureReceipt?> SweepAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Retention is not { } retention)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var cutoff = now - retention;
        return await store.EraseAsync(
            new ErasureScope.DecidedBefore(cutoff, options.Value.Batch),
            count => count == 0
                ? null
                : new AuditDraft(now, RetentionActor, AuditAction.RetentionSwept, "", null, null,
                    $"{count} decision(s) decided before {cutoff:O} erased: retention {retention}"),
            cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Erase the personal data of every decision logged for the customer, saying why (e.g. a reference).</summary>
public sealed record ErasureRequest(string? CustomerId, string? Reason);

/// <summary>
/// What an erasure did: how many decisions it erased, the trail entry recording it, and the SHA-256 of the customer
/// id that entry holds instead of the id.
/// </summary>
public sealed record ErasureResponse(int Erased, long TrailEntry, string CustomerDigest, DateTimeOffset ErasedAt);
