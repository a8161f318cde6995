using Prometheus;

namespace Decisions.Api.Observability;

public static class ObservabilityExtensions
{
    /// <summary>JSON logs outside Development (one event per line, for log shippers), and decision metrics.</summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(options => options.UseUtcTimestamp = true);
        }

        ExportedFamilies.Configure();
        builder.Services.AddSingleton<DecisionMetrics>();
        builder.Services.AddSingleton<HostGauges>();
        MetricsEndpoint.AddScrapePolicy(builder);
        return builder;
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
