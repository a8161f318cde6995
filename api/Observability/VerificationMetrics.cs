using Decisions.Api.Storage;
using Prometheus;

namespace Decisions.Api.Observability;

/// <summary>
/// The last verification of both chains, the stored versions and the activations (<c>GET /v1/audit/verify</c>, or
/// against a checkpoint): whether all was intact, and when, by the service's clock. Both absent until one ran, so
/// an alert on <c>audit_verification_intact == 0</c> or on its age never fires on a service nobody verified.
/// </summary>
internal static class VerificationMetrics
{
    private static readonly Gauge Intact = Metrics.CreateGauge(
        "audit_verification_intact", "1 if the last verification found everything intact, else 0.",
        new GaugeConfiguration { SuppressInitialValue = true });

    private static readonly Gauge At = Metrics.CreateGauge(
        "audit_verification_timestamp_seconds", "When the last verification ran (Unix time).",
        new GaugeConfiguration { SuppressInitialValue = true });

    public static void Verified(ChainReport report, DateTimeOffset at)
    {
        Intact.Set(report.Intact ? 1 : 0);
        At.Set(at.ToUnixTimeMilliseconds() / 1000.0);
    }
}
