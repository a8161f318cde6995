using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.Decisions;

/// <summary>How long an <c>Idempotency-Key</c> is honoured (section <c>Idempotency</c>).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>
    /// For how long after a decision a retry with its key gets it back; after that the key decides anew. At least
    /// a day, so that a teller system retrying after an overnight outage still gets the first answer.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a replica's claim on a key it is deciding stops other replicas from deciding it. A decision takes
    /// milliseconds; the lease only matters when a replica dies between claiming a key and logging its decision.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);
}
