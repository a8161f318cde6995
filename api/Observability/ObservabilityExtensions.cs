using Decisions.Api.Auth;
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

        builder.Services.AddSingleton<DecisionMetrics>();
        return builder;
    }

    /// <summary>HTTP metrics per endpoint and status, and <c>/metrics</c> in Prometheus format (auditors and admins).</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        app.MapMetrics("/metrics").RequireAuthorization(Roles.Audit);
        return app;
    }
}
