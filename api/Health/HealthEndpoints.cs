using Decisions.Api.RuleSets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Decisions.Api.Health;

public static class HealthEndpoints
{
    private const string Ready = "ready";

    public static IServiceCollection AddDecisionHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<RuleSetsHealthCheck>("rulesets", tags: [Ready]);
        return services;
    }

    /// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: every rule set compiled and passed its tests.</summary>
    public static IEndpointRouteBuilder MapDecisionHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new() { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new() { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return endpoints;
    }

    private sealed class RuleSetsHealthCheck(RuleSetCatalog catalog) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var loaded = catalog.RuleSets.Values.ToDictionary(r => $"{r.Ref.Name}/v{r.Ref.Version}", r => (object)r.Ref.Hash);
            return Task.FromResult(catalog.Failures.Count == 0
                ? HealthCheckResult.Healthy($"{loaded.Count} rule set versions compiled", loaded)
                : HealthCheckResult.Unhealthy(string.Join("\n", catalog.Failures), data: loaded));
        }
    }
}
