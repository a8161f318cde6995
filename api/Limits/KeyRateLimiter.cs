using System.Threading.RateLimiting;
using Decisions.Api.Decisions;
using Decisions.Api.Errors;
using Decisions.Engine.Model;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Limits;

/// <summary>
/// The token bucket of each API key (of each client address without one). The middleware takes one token per
/// request; a batch takes the rest of its customers' tokens from the same bucket through
/// <see cref="BatchPermitFilter"/>.
/// </summary>
public sealed class KeyRateLimiter(IOptions<RequestLimitOptions> options) : IDisposable
{
    public PartitionedRateLimiter<HttpContext> Tokens { get; } =
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.Value.Burst,
            TokensPerPeriod = options.Value.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>
    /// Requests in flight per key, with a queue behind them: one key's slow requests wait for each other, not
    /// for another key's. Requests without a key (the console's static files) are not counted.
    /// </summary>
    public PartitionedRateLimiter<HttpContext> InFlight { get; } =
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        context.User.Identity?.IsAuthenticated == true
            ? RateLimitPartition.GetConcurrencyLimiter(PartitionOf(context), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = options.Value.ConcurrentRequestsPerKey,
                QueueLimit = options.Value.QueuedRequestsPerKey,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter(PartitionOf(context)));

    public static string PartitionOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? "key:" + context.User.Identity.Name
            : "ip:" + context.Connection.RemoteIpAddress;

    public void Dispose()
    {
        Tokens.Dispose();
        InFlight.Dispose();
    }
}

/// <summary>
/// A batch of N customers spends N tokens of its key's bucket: the request's own, and N - 1 more here.
/// </summary>
internal sealed class BatchPermitFilter(KeyRateLimiter limiter, IOptions<RequestLimitOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var extra = context.Arguments.OfType<BatchDecisionRequest>().Single().Customers.Count - 1;
        if (extra <= 0 || extra >= DecisionEndpoints.MaxBatch)
        {
            return await next(context);
        }

        if (extra >= options.Value.Burst)
        {
            return Problems.Unprocessable(
                "The batch is larger than this key may send at once.",
                [new Problem("customers",
                    $"A batch spends one permit per customer; this key's burst is {options.Value.Burst}.")]);
        }

        using var lease = limiter.Tokens.AttemptAcquire(context.HttpContext, extra);
        if (!lease.IsAcquired)
        {
            // A refused batch empties the bucket: a client that retries before Retry-After is then refused by the
            // middleware before its body is read, so a flood of refused batches costs no parsing.
            var left = limiter.Tokens.GetStatistics(context.HttpContext)?.CurrentAvailablePermits ?? 0;
            using var drained = left > 0 ? limiter.Tokens.AttemptAcquire(context.HttpContext, (int)left) : null;
            var seconds = (int)Math.Ceiling((extra + 1.0) / options.Value.PermitsPerSecond);
            return new TooManyRequests(LimitKind.BatchPermits, seconds,
                $"A batch of {extra + 1} spends {extra + 1} permits; retry after {seconds} s.");
        }

        return await next(context);
    }
}

public static class BatchPermitExtensions
{
    /// <summary>The endpoint decides a batch: it spends one token of the key's bucket per customer.</summary>
    public static RouteHandlerBuilder SpendsOnePermitPerCustomer(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<BatchPermitFilter>();
}
