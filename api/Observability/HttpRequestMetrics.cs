using System.Collections.Concurrent;
using System.Diagnostics;
using Prometheus;

namespace Decisions.Api.Observability;

/// <summary>
/// The HTTP metrics, from one middleware: <c>http_request_duration_seconds</c> by method, route template and status
/// (its <c>_count</c> is the request count, so no separate counter repeats it) and <c>http_requests_in_progress</c>.
/// It replaces prometheus-net's three HTTP middlewares, measured at ~16 µs of CPU per request: each series' child is
/// looked up once and kept, keyed by the endpoint object, so a request costs a dictionary hit and an observation.
/// </summary>
internal sealed class HttpRequestMetrics(RequestDelegate next)
{
    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "http_request_duration_seconds", "Time to answer an HTTP request, by method, route template and status.",
        new HistogramConfiguration
        {
            LabelNames = ["method", "endpoint", "code"], Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14),
        });

    private static readonly Gauge InProgress = Metrics.CreateGauge(
        "http_requests_in_progress", "HTTP requests being answered now.");

    private static readonly ConcurrentDictionary<(Endpoint?, string, int), Histogram.Child> Series = new();

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        InProgress.Inc();
        var failed = true;
        try
        {
            await next(context).ConfigureAwait(false);
            failed = false;
        }
        finally
        {
            InProgress.Dec();
            // An exception that escapes the pipeline becomes Kestrel's bare 500, whatever the status said.
            var code = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            Child(context.GetEndpoint(), context.Request.Method, code)
                .Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static Histogram.Child Child(Endpoint? endpoint, string method, int code) =>
        Series.GetOrAdd((endpoint, Method(method), code), static key => Duration.WithLabels(
            key.Item2, (key.Item1 as RouteEndpoint)?.RoutePattern.RawText ?? "",
            key.Item3.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // Methods a client invents would each make a series; they share one.
    private static string Method(string method) => method switch
    {
        _ when HttpMethods.IsGet(method) => HttpMethods.Get,
        _ when HttpMethods.IsPost(method) => HttpMethods.Post,
        _ when HttpMethods.IsPut(method) => HttpMethods.Put,
        _ when HttpMethods.IsDelete(method) => HttpMethods.Delete,
        _ when HttpMethods.IsHead(method) => HttpMethods.Head,
        _ when HttpMethods.IsOptions(method) => HttpMethods.Options,
        _ when HttpMethods.IsPatch(method) => HttpMethods.Patch,
        _ => "OTHER",
    };
}
