using Decisions.Engine.Compilation;
using Decisions.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Decisions.Engine;

/// <summary>The one registration entry point of the engine.</summary>
public static class DecisionEngineServiceCollectionExtensions
{
    /// <summary>Registers the compiler and validator as singletons, with optional limits.</summary>
    public static IServiceCollection AddDecisionEngine(this IServiceCollection services,
        Action<DecisionEngineOptions>? configure = null)
    {
        var builder = services.AddOptions<DecisionEngineOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        services.TryAddSingleton(provider => new RuleSetCompiler(
            provider.GetRequiredService<IOptions<DecisionEngineOptions>>().Value));
        services.TryAddSingleton<RuleSetValidator>();
        return services;
    }
}
