using Microsoft.Extensions.Options;

namespace Decisions.Api.Checkpoints;

public static class CheckpointExtensions
{
    /// <summary>The signing key (validated at start), the notary, and the periodic signer.</summary>
    public static IHostApplicationBuilder AddCheckpoints(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CheckpointOptions>().BindConfiguration(CheckpointOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CheckpointOptions>, CheckpointKeys>();
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddSingleton<CheckpointNotary>();
        builder.Services.AddHostedService<PeriodicCheckpoints>();
        return builder;
    }
}
