using System.Collections.Concurrent;
using Decisions.Api.Limits;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Analysis;

/// <summary>
/// The runs of this process over the log (replay of a range, impact), kept in memory: a run goes on after the
/// request that started it, within the <see cref="AnalysisGate"/> lease it was given, and its owner polls or
/// cancels it. Finished runs are kept <see cref="AnalysisLimitOptions.KeptMinutes"/> minutes, at most
/// <see cref="AnalysisLimitOptions.KeptRuns"/> of them; running ones are as many as the gate lets start.
/// A restart forgets them: a run is a read of the log and can be started again.
/// </summary>
public sealed partial class AnalysisRuns(
    TimeProvider clock, IOptions<AnalysisLimitOptions> options, IHostApplicationLifetime lifetime,
    ILogger<AnalysisRuns> logger)
{
    private readonly ConcurrentDictionary<string, AnalysisRun> _runs = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts <paramref name="work"/> in the background; the run releases <paramref name="lease"/> when it ends.
    /// </summary>
    public AnalysisRun Start(
        string owner, AnalysisKind kind, IDisposable lease, AnalysisProgress progress,
        Func<CancellationToken, Task<AnalysisResult>> work)
    {
        Forget();
        var run = new AnalysisRun(Guid.CreateVersion7().ToString("N"), owner, kind, clock.GetUtcNow(), progress);
        _runs[run.Id] = run;
        run.Completion = Task.Run(async () =>
        {
            using var stop =
                CancellationTokenSource.CreateLinkedTokenSource(run.Stopping, lifetime.ApplicationStopping);
            using (lease)
            {
                try
                {
                    run.End(AnalysisState.Succeeded, clock.GetUtcNow(), await work(stop.Token));
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    run.End(AnalysisState.Cancelled, clock.GetUtcNow());
                }
                catch (Exception exception)
                {
                    Failed(logger, exception, run.Id, kind);
                    run.End(AnalysisState.Failed, clock.GetUtcNow(),
                        error: "The run stopped on an error; the service log names it.");
                }
            }
        });
        return run;
    }

    /// <summary>The run, if it exists and <paramref name="owner"/> started it: nobody else learns it exists.</summary>
    public AnalysisRun? Find(string id, string owner) =>
        _runs.TryGetValue(id, out var run) && run.Owner == owner ? run : null;

    private void Forget()
    {
        var now = clock.GetUtcNow();
        var finished = _runs.Values.Where(run => run.FinishedAt is not null).OrderBy(run => run.FinishedAt).ToList();
        var expired = finished.Where(run => now - run.FinishedAt > TimeSpan.FromMinutes(options.Value.KeptMinutes));
        foreach (var run in expired.Union(finished.Take(finished.Count - options.Value.KeptRuns + 1)))
        {
            if (_runs.TryRemove(run.Id, out _))
            {
                run.Dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Analysis run {Run} ({Kind}) failed.")]
    private static partial void Failed(ILogger logger, Exception exception, string run, AnalysisKind kind);
}
