using Microsoft.Extensions.Options;

namespace Decisions.Api.Checkpoints;

/// <summary>
/// Signs a checkpoint every <see cref="CheckpointOptions.Interval"/>, so that an auditor who fetches them now and
/// then holds heads no later edit of the store can match. A failed round (store unreachable) is logged and retried
/// at the next tick.
/// </summary>
public sealed partial class PeriodicCheckpoints(
    CheckpointNotary notary, IOptions<CheckpointOptions> options, TimeProvider clock,
    ILogger<PeriodicCheckpoints> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var checkpoint = await notary.SignAsync(stoppingToken).ConfigureAwait(false);
                LogSigned(logger, checkpoint.Sequence, checkpoint.AuditEntries, checkpoint.Decisions);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Signed checkpoint {Sequence}: {AuditEntries} audit entries, {Decisions} decisions")]
    private static partial void LogSigned(ILogger logger, long sequence, long auditEntries, long decisions);

    [LoggerMessage(Level = LogLevel.Error, Message = "Signing a periodic checkpoint failed; the next tick tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
