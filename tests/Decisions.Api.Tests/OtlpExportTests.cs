using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Decisions.Api.Tests;

/// <summary>
/// With <c>Telemetry:Otlp:Endpoint</c> configured, a decision's spans reach an OTLP/HTTP collector: here a Kestrel
/// endpoint started by the test that keeps every protobuf body POSTed to <c>/v1/traces</c>.
/// </summary>
public sealed class OtlpExportTests
{
    [Fact]
    public async Task With_an_OTLP_endpoint_configured_a_decisions_spans_are_exported_to_it()
    {
        await using var collector = await Collector.StartAsync();
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string>
        {
            ["Telemetry:Otlp:Endpoint"] = collector.Url,
            ["Telemetry:Otlp:Protocol"] = "http/protobuf",
            // The batch processor's delay, read from configuration by the SDK: 5 s by default.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        });
        var trace = ActivityTraceId.CreateRandom();
        var body = new { ruleSet = "retail-tiering", customer = new { customerId = "OTLP-1", avgDailyBalance = 10 } };

        await (await TracingTests.Send(app.Client("teller"), trace, body)).Json(HttpStatusCode.OK);
        // Spans are exported in batches as they end: the evaluation ends first and may travel in an earlier one.
        var traceBytes = Convert.FromHexString(trace.ToHexString());
        var decide = await collector.Find(
            b => b.AsSpan().IndexOf(traceBytes) >= 0 && b.AsSpan().IndexOf("decisions.decide"u8) >= 0);
        Assert.True(decide.AsSpan().IndexOf("retail-tiering"u8) >= 0);
        await collector.Find(
            b => b.AsSpan().IndexOf(traceBytes) >= 0 && b.AsSpan().IndexOf("decisions.evaluate"u8) >= 0);
    }

    [Fact]
    public async Task Without_an_OTLP_endpoint_no_OpenTelemetry_provider_is_registered()
    {
        await using var app = new DecisionsAppFixture();

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<MeterProvider>());
    }

    /// <summary>The smallest OTLP/HTTP receiver: 200 to every export, each traces body kept.</summary>
    private sealed class Collector(WebApplication app, string url, ConcurrentQueue<byte[]> received) : IAsyncDisposable
    {
        public string Url => url;

        public static async Task<Collector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var bodies = new ConcurrentQueue<byte[]>();
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                if (signal == "traces")
                {
                    bodies.Enqueue(buffer.ToArray());
                }

                return Results.Bytes([], "application/x-protobuf");
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>()
                .Features.Get<IServerAddressesFeature>()!
                .Addresses.Single();
            return new Collector(app, address, bodies);
        }

        public async Task<byte[]> Find(Func<byte[], bool> match)
        {
            for (var waited = 0; waited < 150; waited++)
            {
                if (received.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await Task.Delay(100);
            }

            throw new Xunit.Sdk.XunitException($"No export holds the span within 15 s ({received.Count} received).");
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
