using System.Diagnostics;
using System.Diagnostics.Metrics;
using Prometheus;

namespace Decisions.Api.Observability;

/// <summary>
/// Decision counts by rule set and outcome, and decision latency (including the durable log write), recorded twice:
/// on prometheus-net's <c>decisions_total</c> and <c>decision_duration_seconds</c>, which <c>/metrics</c> shows, and on
/// the meter <c>Decisions</c> (<c>decisions</c>, <c>decision_duration</c>), which OpenTelemetry exports by OTLP
/// under the same names once translated to Prometheus. prometheus-net's meter adapter skips that meter
/// (<see cref="ObservabilityExtensions"/>), so <c>/metrics</c> shows each family once.
/// </summary>
public sealed class DecisionMetrics
{
    /// <summary>
    /// The meter of the service's own instruments that <c>/metrics</c> already shows through prometheus-net.
    /// </summary>
    public const string MeterName = "Decisions";

    private static readonly Meter Meter = new(MeterName);

    private static readonly double[] Buckets = Prometheus.Histogram.ExponentialBuckets(0.0001, 2, 16);

    private static readonly Counter Decisions = Metrics.CreateCounter(
        "decisions_total", "Decisions made, by rule set and outcome.", "rule_set", "outcome");

    private static readonly Prometheus.Histogram Duration = Metrics.CreateHistogram(
        "decision_duration_seconds", "Time to decide and durably log one decision.",
        new HistogramConfiguration { LabelNames = ["rule_set", "outcome"], Buckets = Buckets });

    private static readonly Counter<long> Decided = Meter.CreateCounter<long>(
        "decisions", "{decision}", "Decisions made, by rule set and outcome.");

    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "decision_duration", "s", "Time to decide and durably log one decision.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private static readonly Counter<long> Limited = Meter.CreateCounter<long>(
        "requests_limited", "{request}", "Requests answered 429, by the limit that refused them.");

    public void Record(string ruleSet, string outcome, long startedTimestamp)
    {
        var seconds = Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds;
        Decisions.WithLabels(ruleSet, outcome).Inc();
        Duration.WithLabels(ruleSet, outcome).Observe(seconds);
        var tags = new TagList { { "rule_set", ruleSet }, { "outcome", outcome } };
        Decided.Add(1, tags);
        Latency.Record(seconds, tags);
    }

    /// <summary>The meter's side of <c>requests_limited_total</c>.</summary>
    public static void RecordLimited(string limit) => Limited.Add(1, new KeyValuePair<string, object?>("limit", limit));
}
