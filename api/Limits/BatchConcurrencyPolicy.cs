using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Limits;

/// <summary>
/// Batches one key may have in flight (<see cref="RequestLimitOptions.ConcurrentBatchesPerKey"/>); one more is
/// refused with 429 before its body is read. The general in-flight limit counts a batch of 1,000 as one request:
/// 64 of them would queue 64,000 log writes ahead of every other key's decision.
/// </summary>
internal sealed class BatchConcurrencyPolicy(IOptions<RequestLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "batches";

    private const int RetryAfterSeconds = 1;

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var limit = context.HttpContext.RequestServices.GetRequiredService<IOptions<RequestLimitOptions>>().Value;
        await TooManyRequests.WriteAsync(
            context.HttpContext,
            LimitKind.BatchesInFlight,
            RetryAfterSeconds,
            $"A key may have {limit.ConcurrentBatchesPerKey} batch(es) in flight; retry after {RetryAfterSeconds} s.");
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetConcurrencyLimiter(
            KeyRateLimiter.PartitionOf(httpContext),
            _ => new ConcurrencyLimiterOptions { PermitLimit = options.Value.ConcurrentBatchesPerKey, QueueLimit = 0 });
}

public static class BatchConcurrencyExtensions
{
    /// <summary>The endpoint decides a batch: a key has few of them in flight at once.</summary>
    public static RouteHandlerBuilder FewBatchesInFlightPerKey(this RouteHandlerBuilder builder) =>
        builder.RequireRateLimiting(BatchConcurrencyPolicy.Name);
}
