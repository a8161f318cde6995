using Decisions.Api.Analysis;
using Decisions.Api.Decisions;

namespace Decisions.Api.RuleSets;

public static class RuleSetExtensions
{
    /// <summary>
    /// The registry of versions and activations, seeding on start, watching for other replicas' changes, and the
    /// decision service.
    /// </summary>
    public static IHostApplicationBuilder AddRuleSets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RuleSetOptions>()
            .BindConfiguration(RuleSetOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<PrivacyOptions>()
            .BindConfiguration(PrivacyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ImpactRuns>();
        builder.Services.AddSingleton<RangeReplay>();
        builder.Services.AddSingleton<AnalysisRuns>();
        builder.Services.AddSingleton<RuleSetRegistry>();
        builder.Services.AddHostedService<RuleSetSeeder>();
        builder.Services.AddHostedService<RuleSetChangeWatcher>();
        builder.Services.AddSingleton<DecisionService>();
        builder.Services.AddOptions<IdempotencyOptions>()
            .BindConfiguration(IdempotencyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<KeyTurns>();
        builder.Services.AddSingleton<IdempotentDecisions>();
        builder.Services.AddSingleton<RuleSetLifecycle>();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}
