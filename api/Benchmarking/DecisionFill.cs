using System.Globalization;
using System.Text.Json;
using Decisions.Api.Decisions;
using Decisions.Engine.Explanation;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Benchmarking;

/// <summary>
/// Benchmark only (<c>Benchmark:FillDecisions</c>): logs synthetic retail customers at start through
/// <see cref="DecisionService"/>, so each decision is evaluated, serialized, digested, compressed and group-committed
/// exactly as <c>POST /v1/decisions</c> does, without the HTTP round trip, which made filling a million-decision log
/// for the replay load test take an hour on a shared machine. Customer i is <c>R-</c>(i / 3): about three
/// decisions each, as the HTTP fill of <c>tests/load/replay-load.sh</c> makes them.
/// </summary>
internal sealed class DecisionFill(
    IServiceScopeFactory scopes, IOptions<BenchmarkOptions> options) : BackgroundService
{
    // Enough decisions in flight to fill the writer's blocks (MaxBatch) while the previous block commits.
    private const int InFlight = 512;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var (count, from) = (options.Value.FillDecisions, options.Value.FillFrom);
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<DecisionService>();
        var next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, InFlight).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < from + count; i = Interlocked.Increment(ref next))
            {
                var decided = await service.DecideAsync(
                    new DecisionRequest("retail-tiering", Customer(i)), ExplainLevel.Reasons, null, null,
                    stoppingToken).ConfigureAwait(false);
                if (!decided.Succeeded)
                {
                    throw new InvalidOperationException($"Synthetic customer {i} was not decided: {decided.Failure}");
                }
            }
        }, stoppingToken))).ConfigureAwait(false);
    }

    private const string Rest =
        "\"largeOutflow30d\":250000,\"monthlyTransactions\":6,\"productsHeld\":[\"fund\",\"credit_card\"],"
        + "\"occupation\":\"clerk\",\"lastTransactionDate\":\"2026-06-10\",\"lastTierReviewDate\":\"2026-03-01\","
        + "\"birthDate\":\"1985-01-20\",\"satisfaction\":7}";

    private static JsonElement Customer(int i) => JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture,
        $$"""{"customerId":"R-{{i / 3:D7}}","name":"王芳","avgDailyBalance":{{1000 + ((long)i * 7919 % 900000)}},""")
        + Rest).RootElement;
}

public static class DecisionFillExtensions
{
    public static WebApplicationBuilder AddBenchmarkFill(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BenchmarkOptions>(builder.Configuration.GetSection(BenchmarkOptions.Section));
        if (builder.Configuration.GetSection(BenchmarkOptions.Section).Get<BenchmarkOptions>()?.FillDecisions > 0)
        {
            builder.Services.AddHostedService<DecisionFill>();
        }

        return builder;
    }
}
