using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Limits;

public static class RequestLimitExtensions
{
    /// <summary>
    /// A token bucket and a limit of requests in flight per API key (per client address without one), the
    /// limits of analysis runs, all answering 429 with Retry-After, and a body size limit.
    /// </summary>
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitOptions>()
            .BindConfiguration(RequestLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<RequestLimitOptions>>(
                (kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);
        builder.Services.AddOptions<AnalysisLimitOptions>()
            .BindConfiguration(AnalysisLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<AnalysisGate>();
        builder.Services.AddSingleton<KeyRateLimiter>();
        builder.Services.AddOptions<RateLimiterOptions>().Configure<KeyRateLimiter>((options, limiter) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(limiter.Tokens, limiter.InFlight);
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 1;
                await TooManyRequests.WriteAsync(
                    context.HttpContext, LimitKind.KeyRate, retryAfter,
                    $"Over this key's request rate or requests in flight; retry after {retryAfter} s.");
            };
        });
        builder.Services.AddRateLimiter(options =>
            options.AddPolicy<string, BatchConcurrencyPolicy>(BatchConcurrencyPolicy.Name));
        return builder;
    }
}
