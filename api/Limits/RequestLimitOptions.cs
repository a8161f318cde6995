using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.Limits;

/// <summary>Request limits (section <c>Limits</c>).</summary>
public sealed class RequestLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body; a batch of 1,000 customers fits. Kestrel's default is 30 MB.</summary>
    [Range(1_024, 100_000_000)]
    public long MaxRequestBodyBytes { get; set; } = 2_000_000;

    /// <summary>Requests per second each API key may make on average.</summary>
    [Range(1, 1_000_000)]
    public int PermitsPerSecond { get; set; } = 5_000;

    /// <summary>Requests a key may make at once above the average.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 10_000;

    /// <summary>
    /// Requests one key may have in flight; more wait in its queue. The log commits the decisions in flight
    /// together, so a teller system's throughput needs room here.
    /// </summary>
    [Range(1, 100_000)]
    public int ConcurrentRequestsPerKey { get; set; } = 64;

    /// <summary>Requests of one key that may wait for a slot; beyond them it gets 429.</summary>
    [Range(0, 100_000)]
    public int QueuedRequestsPerKey { get; set; } = 1_000;

    /// <summary>
    /// Batches one key may have in flight; one more gets 429. A batch's log writes share the one writer with every
    /// other key's decisions, so a key's batches take their turns one after another.
    /// </summary>
    [Range(1, 1_000)]
    public int ConcurrentBatchesPerKey { get; set; } = 1;
}
