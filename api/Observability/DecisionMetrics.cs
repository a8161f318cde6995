using System.Diagnostics;
using Prometheus;

namespace Decisions.Api.Observability;

/// <summary>Decision counts by rule set and outcome, and decision latency (including the durable log write).</summary>
public sealed class DecisionMetrics
{
    private static readonly Counter Decisions = Metrics.CreateCounter(
        "decisions_total", "Decisions made, by rule set and outcome.", "rule_set", "outcome");

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "decision_duration_seconds", "Time to decide and durably log one decision.",
        new HistogramConfiguration { LabelNames = ["rule_set", "outcome"], Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16) });

    public void Record(string ruleSet, string outcome, long startedTimestamp)
    {
        Decisions.WithLabels(ruleSet, outcome).Inc();
        Duration.WithLabels(ruleSet, outcome).Observe(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds);
    }
}
