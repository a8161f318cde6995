using Decisions.Api.Decisions;

namespace Decisions.Api.RuleSets;

public static class RuleSetExtensions
{
    /// <summary>The registry of versions and activations, seeding on start, and the decision service.</summary>
    public static IHostApplicationBuilder AddRuleSets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>()
            .BindConfiguration(SeedOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RuleSetRegistry>();
        builder.Services.AddHostedService<RuleSetSeeder>();
        builder.Services.AddSingleton<DecisionService>();
        builder.Services.AddSingleton<RuleSetLifecycle>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
