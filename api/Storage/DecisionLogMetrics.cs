using System.Diagnostics.Metrics;

namespace Decisions.Api.Storage;

/// <summary>
/// The decision log writer's instruments (meter <c>Decisions.DecisionLog</c>, exported on <c>/metrics</c>): queue
/// depth, block size, commit latency, committed blocks and failures, the log's size (its head's sequence) and how
/// far the embedded store's index is behind its journal.
/// </summary>
internal static class DecisionLogMetrics
{
    private static readonly Meter Meter = new("Decisions.DecisionLog");
    private static readonly UpDownCounter<long> QueueDepth = Meter.CreateUpDownCounter<long>(
        "decision_log_queue_depth", description: "Decisions waiting for the writer.");
    private static readonly Histogram<int> BlockSize = Meter.CreateHistogram<int>(
        "decision_log_block_size", "{decision}", "Decisions per committed block (one transaction).",
        advice: new InstrumentAdvice<int>
        {
            HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024],
        });
    private static readonly Histogram<double> CommitLatency = Meter.CreateHistogram<double>(
        "decision_log_commit_seconds", "s", "Time to link, persist and durably commit one block.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.002, 0.004, 0.008, 0.016,
            0.032, 0.064, 0.128, 0.256, 1] });
    private static readonly Counter<long> Blocks = Meter.CreateCounter<long>(
        "decision_log_blocks_committed", description: "Blocks committed by this process.");
    private static readonly Counter<long> Failures = Meter.CreateCounter<long>(
        "decision_log_commit_failures", description: "Blocks that failed to commit (their callers were told).");
    private static long _size;
    private static long _indexLag;

    static DecisionLogMetrics()
    {
        Meter.CreateObservableGauge("decision_log_decisions", () => Interlocked.Read(ref _size),
            description: "Decisions in the log (its head's sequence).");
        Meter.CreateObservableGauge("decision_log_index_lag", () => Interlocked.Read(ref _indexLag),
            description: "Decisions durable in the embedded store's journal that LiteDB has not indexed yet.");
    }

    public static void Queued(int change) => QueueDepth.Add(change);

    public static void Committed(DecisionBlock block, TimeSpan latency)
    {
        BlockSize.Record(block.Linked.Count);
        CommitLatency.Record(latency.TotalSeconds);
        Blocks.Add(1);
        Observed(block.Head);
    }

    public static void Observed(ChainHead head) => Interlocked.Exchange(ref _size, head.Sequence);

    public static void Failed() => Failures.Add(1);

    public static void IndexLag(long decisions) => Interlocked.Exchange(ref _indexLag, decisions);
}
