using Decisions.Api.Storage;
using Microsoft.Extensions.Options;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Keeps this replica's registry in step with changes made through other replicas: every
/// <see cref="RuleSetOptions.RefreshInterval"/> it asks the store for its change stamp (one indexed row) and
/// reloads the activations when it moved. A version activated anywhere is served here within one interval.
/// </summary>
public sealed partial class RuleSetChangeWatcher(
    IRuleSetStore store,
    RuleSetRegistry registry,
    IOptions<RuleSetOptions> options,
    ILogger<RuleSetChangeWatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // No stamp seen yet, so the first look always reloads: a change made elsewhere while this replica
        // started (after the seeder's load, before this loop) is not missed.
        var seen = -1L;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Real time on purpose: this is how often to look, not a decision time, and tests fake the decision clock.
            await Task.Delay(options.Value.RefreshInterval, stoppingToken).ConfigureAwait(false);
            try
            {
                var stamp = await store.ChangeStampAsync(stoppingToken).ConfigureAwait(false);
                if (stamp != seen)
                {
                    await registry.RefreshAsync(stoppingToken).ConfigureAwait(false);
                    seen = stamp;
                }

                registry.Checked();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A store that is briefly unreachable must not stop the watching; the next round tries again.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the store for rule-set changes.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
