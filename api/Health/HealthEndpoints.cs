using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Decisions.Api.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddDecisionHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [Ready])
            .AddCheck<WriterHealthCheck>("decision-log", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers, a rule set is active, and the decision
    /// log's writer can commit (its last block did). Both anonymous and outside the rate limiter: a load balancer
    /// probing from an address that other anonymous callers flood must still get its answer.
    /// </summary>
    public static IEndpointRouteBuilder MapDecisionHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        endpoints.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) })
            .AllowAnonymous().DisableRateLimiting();
        return endpoints;
    }

    /// <summary>
    /// Probed every few seconds by every load balancer, so it reads what decisions read: the store's change stamp
    /// (one primary-key read on PostgreSQL) and the registry's timeline in memory, never the versions themselves.
    /// </summary>
    private sealed class StoreHealthCheck(IRuleSetStore store, RuleSetRegistry registry, TimeProvider clock)
        : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
            CancellationToken cancellationToken = default)
        {
            await store.ChangeStampAsync(cancellationToken);
            var active = registry.ActiveCount(clock.GetUtcNow());
            return active > 0
                ? HealthCheckResult.Healthy($"{active} rule sets active")
                : HealthCheckResult.Unhealthy("No rule set is active.");
        }
    }

    // A writer whose last block failed would answer every decision with an error: take the replica out of rotation.
    private sealed class WriterHealthCheck(DecisionWriter writer) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context,
            CancellationToken cancellationToken = default) =>
            Task.FromResult(writer.CanCommit
                ? HealthCheckResult.Healthy("The decision log commits.")
                : HealthCheckResult.Unhealthy("The decision log's last block failed to commit.", writer.LastFailure));
    }
}
