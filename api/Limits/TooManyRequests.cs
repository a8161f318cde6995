using Decisions.Api.Errors;
using Decisions.Api.Observability;
using Prometheus;

namespace Decisions.Api.Limits;

/// <summary>Which limit refused a request: the label of <c>requests_limited_total</c>.</summary>
internal enum LimitKind
{
    /// <summary>The key's request rate or its requests in flight.</summary>
    KeyRate,

    /// <summary>The key's batches in flight.</summary>
    BatchesInFlight,

    /// <summary>A batch needs more permits than the key's bucket holds.</summary>
    BatchPermits,

    /// <summary>Analysis runs per key or in all.</summary>
    AnalysisRuns,
}

/// <summary>
/// 429 with <c>Retry-After</c> as an RFC 9457 problem: the one answer of every limit (ASP.NET's default would be
/// 503, which tells a client to retry elsewhere). Every refusal is counted by the limit that refused it, so an
/// operator sees tellers being turned away before they call.
/// </summary>
internal sealed class TooManyRequests(LimitKind limit, int retryAfterSeconds, string detail) : IResult
{
    private static readonly Counter Limited = Metrics.CreateCounter(
        "requests_limited_total", "Requests answered 429, by the limit that refused them.", "limit");

    public Task ExecuteAsync(HttpContext httpContext) => WriteAsync(httpContext, limit, retryAfterSeconds, detail);

    public static async Task WriteAsync(HttpContext context, LimitKind limit, int retryAfterSeconds, string detail)
    {
        Limited.WithLabels(Label(limit)).Inc();
        DecisionMetrics.RecordLimited(Label(limit));
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteProblemAsync(
            context, ProblemTypes.TooManyRequests, detail,
            extensions: new Dictionary<string, object?> { [RetryAfter.Extension] = retryAfterSeconds });
    }

    private static string Label(LimitKind limit) => limit switch
    {
        LimitKind.KeyRate => "key-rate",
        LimitKind.BatchesInFlight => "batches-in-flight",
        LimitKind.BatchPermits => "batch-permits",
        _ => "analysis-runs",
    };
}
