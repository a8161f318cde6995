namespace Decisions.Api.RuleSets;

public static class RuleSetCatalogExtensions
{
    /// <summary>Binds <see cref="RuleSetCatalogOptions"/> and loads the catalog once, eagerly, at start.</summary>
    public static IHostApplicationBuilder AddRuleSetCatalog(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RuleSetCatalogOptions>()
            .BindConfiguration(RuleSetCatalogOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RuleSetCatalog>();
        builder.Services.AddHostedService<RuleSetCatalogLoader>();
        return builder;
    }

    private sealed class RuleSetCatalogLoader(RuleSetCatalog catalog) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) =>
            catalog.RuleSets.Count > 0 ? Task.CompletedTask : throw new InvalidOperationException("No valid rule set was found.");

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
