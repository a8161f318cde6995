using Microsoft.Extensions.Options;

namespace Decisions.Api.Erasure;

/// <summary>
/// Erases the personal data of decisions older than the retention period (<see cref="RetentionOptions"/>): a sweep
/// at start and then every interval; a full batch is followed at once by the next, so a backlog drains in bounded
/// transactions while decisions keep being logged between them.
/// </summary>
public sealed partial class RetentionSweep(
    DecisionErasures erasures, IOptions<RetentionOptions> options, ILogger<RetentionSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Retention is null)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while ((await erasures.SweepAsync(stoppingToken).ConfigureAwait(false))?.Erased == options.Value.Batch)
                {
                    stoppingToken.ThrowIfCancellationRequested();
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A store briefly unreachable must not end retention: the next round tries again.
                LogFailed(logger, exception);
            }

            // Real time on purpose: this is how often to look; the cutoff comes from the decision clock.
            await Task.Delay(options.Value.SweepInterval, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The retention sweep failed; it tries again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
