using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Decisions.Api.Observability;

/// <summary>Logs and OpenTelemetry: what a request's trace id reaches, and where spans are exported.</summary>
public static partial class ObservabilityExtensions
{
    /// <summary>
    /// The request's server span, which ASP.NET Core starts whenever logging or a listener is on; its trace id is
    /// what problems, the response header, the logs and the decision log carry.
    /// </summary>
    private static Activity? RequestActivity(HttpContext context) =>
        context.Features.Get<IHttpActivityFeature>()?.Activity is { IdFormat: ActivityIdFormat.W3C } activity
            ? activity
            : null;

    /// <summary>
    /// The console formatter is <c>Logging:Console:FormatterName</c>, by default <c>json</c> outside Development (one
    /// event per line, for log shippers) and <c>simple</c> in it. JSON events carry a UTC timestamp and, in their
    /// scopes, the trace and span ids of the request they belong to.
    /// </summary>
    private static void AddConsoleLogs(this IHostApplicationBuilder builder)
    {
        var console = builder.Configuration.GetSection("Logging:Console");
        var development = builder.Environment.IsDevelopment();
        if (!development)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddConsole();
        }

        var formatter = console["FormatterName"]
            ?? (development ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = formatter);
        builder.Services.Configure<JsonConsoleFormatterOptions>(options =>
        {
            options.UseUtcTimestamp = true;
            options.TimestampFormat ??= "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
            options.IncludeScopes = console.GetValue("FormatterOptions:IncludeScopes", true);
        });
        builder.Logging.Configure(options => options.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
    }

    /// <summary>
    /// Traces (the <c>Decisions</c> spans and ASP.NET Core's server spans), metrics (the service's meters, ASP.NET
    /// Core's and the runtime's) and logs, exported by OTLP to <c>Telemetry:Otlp:Endpoint</c> (with
    /// <c>Telemetry:Otlp:Protocol</c> <c>grpc</c> or <c>http/protobuf</c>) or to the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. Neither set: nothing is registered, nothing listens to the spans and they
    /// are never created.
    /// </summary>
    private static void AddOpenTelemetry(this IHostApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["Telemetry:Otlp:Endpoint"];
        if (string.IsNullOrEmpty(endpoint)
            && string.IsNullOrEmpty(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (builder.Configuration["OTEL_SERVICE_NAME"] is null)
                {
                    resource.AddService("decisions");
                }
            })
            .WithTracing(tracing => tracing.AddSource(DecisionTracing.SourceName)
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsProbe(context.Request.Path)))
            .WithMetrics(metrics => metrics
                .AddMeter(DecisionMetrics.MeterName, "Decisions.DecisionLog", "System.Runtime")
                .AddAspNetCoreInstrumentation());
        if (string.IsNullOrEmpty(endpoint))
        {
            telemetry.UseOtlpExporter();
        }
        else
        {
            var protocol = builder.Configuration["Telemetry:Otlp:Protocol"] == "http/protobuf"
                ? OtlpExportProtocol.HttpProtobuf
                : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }
    }

    // Load balancers probe every few seconds; their spans would bury the decisions.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments("/readyz")
            || path.StartsWithSegments("/metrics");
}
