using System.Text.Json;
using Decisions.Api.Auth;
using Decisions.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Benchmarking;

/// <summary>Switches for load tests (section <c>Benchmark</c>); all off in normal operation.</summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Benchmark";

    /// <summary>
    /// Maps <c>POST /bench/echo</c>: the same pipeline (auth, limits, JSON) doing no work, as the load test's
    /// yardstick.
    /// </summary>
    public bool EchoEndpoint { get; set; }

    /// <summary>
    /// Decisions <see cref="DecisionFill"/> logs at start, to give a load test a large log (0: none).
    /// </summary>
    public int FillDecisions { get; set; }

    /// <summary>The first synthetic customer's number, so that a second fill goes on where the first stopped.</summary>
    public int FillFrom { get; set; }
}

public static class EchoEndpoint
{
    public static IEndpointRouteBuilder MapBenchmarkEcho(this IEndpointRouteBuilder endpoints,
        IConfiguration configuration)
    {
        if (configuration.GetSection(BenchmarkOptions.Section).Get<BenchmarkOptions>()?.EchoEndpoint == true)
        {
            endpoints.MapPost("/bench/echo", Echo)
                .RequireAuthorization(Roles.Decide)
                .WithTags("Benchmark")
                .Problems(400, 401, 403, 429);
        }

        return endpoints;
    }

    public static Ok<JsonElement> Echo(JsonElement body) => TypedResults.Ok(body);
}
