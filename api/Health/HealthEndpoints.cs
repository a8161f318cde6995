using Decisions.Api.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Decisions.Api.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddDecisionHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Ready]).AddCheck<WriterHealthCheck>("decision-log", tags: [Ready]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: the process answers. <c>/readyz</c>: the store answers and holds rule sets, and the decision
    /// log's writer can commit (its last block did). Both anonymous.
    /// </summary>
    public static IEndpointRouteBuilder MapDecisionHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return endpoints;
    }

    private sealed class StoreHealthCheck(IRuleSetStore store) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var versions = await store.ListAsync(cancellationToken);
            return versions.Count > 0
                ? HealthCheckResult.Healthy($"{versions.Count} rule-set versions stored")
                : HealthCheckResult.Unhealthy("The store holds no rule set.");
        }
    }

    // A writer whose last block failed would answer every decision with an error: take the replica out of rotation.
    private sealed class WriterHealthCheck(DecisionWriter writer) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(writer.CanCommit
                ? HealthCheckResult.Healthy("The decision log commits.")
                : HealthCheckResult.Unhealthy("The decision log's last block failed to commit.", writer.LastFailure));
    }
}
