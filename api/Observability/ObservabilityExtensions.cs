using Prometheus;

namespace Decisions.Api.Observability;

public static partial class ObservabilityExtensions
{
    /// <summary>
    /// The W3C Trace Context (level 2) response header: <c>00-{trace id}-{server span id}-{flags}</c>.
    /// </summary>
    public const string TraceResponseHeader = "traceresponse";

    /// <summary>
    /// Console logs (JSON outside Development, see <see cref="AddConsoleLogs"/>), decision metrics, and
    /// OpenTelemetry when an OTLP endpoint is configured (<see cref="AddOpenTelemetry"/>).
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.AddConsoleLogs();
        ExportedFamilies.Configure();
        builder.Services.AddSingleton<DecisionMetrics>();
        builder.Services.AddSingleton<HostGauges>();
        MetricsEndpoint.AddScrapePolicy(builder);
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var customize = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                customize?.Invoke(context);
                if (RequestActivity(context.HttpContext) is { } activity)
                {
                    context.ProblemDetails.Extensions["traceId"] = activity.TraceId.ToHexString();
                }
            };
        });
        builder.AddOpenTelemetry();
        return builder;
    }

    /// <summary>Every answer, problems included, carries its trace in <see cref="TraceResponseHeader"/>.</summary>
    public static WebApplication UseTraceResponse(this WebApplication app)
    {
        // On starting, not now: the exception handler clears the headers set before it runs.
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var http = (HttpContext)state;
                if (RequestActivity(http) is { } activity)
                {
                    http.Response.Headers[TraceResponseHeader] = activity.Id;
                }

                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        return app;
    }

    /// <summary>A second port for <c>/metrics</c> alone, when <c>Metrics:Port</c> is set.</summary>
    public static WebApplicationBuilder AddMetricsPort(this WebApplicationBuilder builder)
    {
        MetricsPort.Listen(builder);
        return builder;
    }

    /// <summary>
    /// The metrics port's restriction, then the HTTP request metrics: first in the pipeline, so every answer is
    /// counted, 401s and 429s too.
    /// </summary>
    public static WebApplication UseHttpRequestMetrics(this WebApplication app)
    {
        MetricsPort.Restrict(app);
        app.UseMiddleware<HttpRequestMetrics>();
        return app;
    }

    /// <summary><c>/metrics</c> in Prometheus format (auditors, admins, and the scraper's bearer token).</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        MetricsEndpoint.Map(app);
        return app;
    }

    /// <summary>
    /// What prometheus-net adds to our own families: process metrics, and the service's meters (<c>Decisions.*</c>).
    /// Not ASP.NET's and Kestrel's event counters and meters, which would repeat the HTTP families under other names
    /// (<c>microsoft_aspnetcore_hosting_total_requests</c>) and fail <c>promtool check metrics</c>.
    /// </summary>
    private static class ExportedFamilies
    {
        // The default registry is process-wide and takes these settings once, before its first collection.
        private static readonly Lazy<bool> Configured = new(() =>
        {
            Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions
            {
                SuppressEventCounters = true, SuppressDebugMetrics = true,
            });
            Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate =
                instrument => instrument.Meter.Name.StartsWith("Decisions.", StringComparison.Ordinal));
            return true;
        });

        public static void Configure() => _ = Configured.Value;
    }
}
