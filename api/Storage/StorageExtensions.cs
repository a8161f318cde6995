namespace Decisions.Api.Storage;

public static class StorageExtensions
{
    /// <summary>The LiteDB store behind the three small storage interfaces; another store registers the same three.</summary>
    public static IHostApplicationBuilder AddLiteDbStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LiteDbOptions>()
            .BindConfiguration(LiteDbOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<LiteDbStore>();
        builder.Services.AddSingleton<IRuleSetStore>(provider => provider.GetRequiredService<LiteDbStore>());
        builder.Services.AddSingleton<IDecisionLog>(provider => provider.GetRequiredService<LiteDbStore>());
        builder.Services.AddSingleton<IAuditTrail>(provider => provider.GetRequiredService<LiteDbStore>());
        return builder;
    }
}
