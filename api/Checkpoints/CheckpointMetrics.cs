using System.Diagnostics.Metrics;

namespace Decisions.Api.Checkpoints;

/// <summary>
/// <c>checkpoint_age_seconds</c> (meter <c>Decisions.Checkpoints</c>, on <c>/metrics</c>): how long ago the service
/// last signed a checkpoint, by the clock that signed it; absent until it has signed one. An age far beyond
/// <c>Checkpoints:Interval</c> means edits made since are anchored by nothing an auditor holds.
/// </summary>
internal static class CheckpointMetrics
{
    private static readonly Meter Meter = new("Decisions.Checkpoints");
    // One reference, written and read whole: the gauge's callback runs on the exporter's thread.
    private static volatile LastSigned? _last;

    static CheckpointMetrics() =>
        Meter.CreateObservableGauge(
            "checkpoint_age_seconds", Observe, "s", "Seconds since the last signed checkpoint.");

    public static void Signed(DateTimeOffset at, TimeProvider clock) => _last = new LastSigned(at, clock);

    private static IEnumerable<Measurement<double>> Observe() =>
        _last is { } last ? [new((last.Clock.GetUtcNow() - last.At).TotalSeconds)] : [];

    private sealed record LastSigned(DateTimeOffset At, TimeProvider Clock);
}
