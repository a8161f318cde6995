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
    private static (DateTimeOffset At, TimeProvider Clock)? _last;

    static CheckpointMetrics() =>
        Meter.CreateObservableGauge("checkpoint_age_seconds", Observe, "s", "Seconds since the last signed checkpoint.");

    public static void Signed(DateTimeOffset at, TimeProvider clock) => _last = (at, clock);

    private static IEnumerable<Measurement<double>> Observe() =>
        _last is var (at, clock) ? [new((clock.GetUtcNow() - at).TotalSeconds)] : [];
}
