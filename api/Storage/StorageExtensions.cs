using Decisions.Api.Storage.Postgres;

namespace Decisions.Api.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The store behind the three small storage interfaces, chosen by <c>Storage:Provider</c>: <c>LiteDb</c>
    /// (the default: one process, one file) or <c>Postgres</c> (any number of replicas on one database).
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        // Which implementation to register is decided once, at start, before there is a service provider to ask.
        var provider = builder.Configuration.GetValue<string>("Storage:Provider") ?? "LiteDb";
        return provider switch
        {
            "LiteDb" => builder.AddStore<LiteDbStore, LiteDbOptions>(LiteDbOptions.Section).AddBackups<LiteDbStore>(),
            "Postgres" => builder.AddStore<PostgresStore, PostgresOptions>(PostgresOptions.Section),
            _ => throw new InvalidOperationException(
                $"Storage:Provider '{provider}' is not known; use LiteDb or Postgres."),
        };
    }

    private static IHostApplicationBuilder AddBackups<TStore>(this IHostApplicationBuilder builder)
        where TStore : class, IStoreBackup
    {
        builder.Services.AddSingleton<IStoreBackup>(provider => provider.GetRequiredService<TStore>());
        return builder;
    }

    private static IHostApplicationBuilder AddStore<TStore, TOptions>(
        this IHostApplicationBuilder builder, string section)
        where TStore : class, IRuleSetStore, IDecisionLog, IAuditTrail, IIdempotencyClaims, ICheckpointStore,
            IBlockStore, IDecisionErasure
        where TOptions : class
    {
        builder.Services.AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<TStore>();
        builder.Services.AddSingleton<IRuleSetStore>(provider => provider.GetRequiredService<TStore>());
        builder.Services.AddSingleton<IDecisionLog>(provider => provider.GetRequiredService<TStore>());
        builder.Services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<TStore>());
        builder.Services.AddSingleton<IIdempotencyClaims>(provider => provider.GetRequiredService<TStore>());
        builder.Services.AddSingleton<ICheckpointStore>(provider => provider.GetRequiredService<TStore>());
        builder.Services.AddSingleton<IDecisionErasure>(provider => provider.GetRequiredService<TStore>());
        builder.Services.AddSingleton(provider => provider.GetRequiredService<TStore>().Writer);
        return builder;
    }
}
