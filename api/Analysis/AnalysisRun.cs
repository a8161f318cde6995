using Decisions.Api.Decisions;
using Decisions.Api.RuleSets;

namespace Decisions.Api.Analysis;

/// <summary>What a run re-decides.</summary>
public enum AnalysisKind
{
    Replay,
    Impact,
}

/// <summary>Where a run is: running, or ended one of three ways.</summary>
public enum AnalysisState
{
    Running,
    Succeeded,
    Cancelled,
    Failed,
}

/// <summary>What a finished run found: the replay summary or the impact report, by its kind.</summary>
public sealed record AnalysisResult(ReplaySummary? Replay = null, ImpactReport? Impact = null);

/// <summary>
/// A run as its owner reads it. <see cref="Percent"/> is the share of the period read (100 once done);
/// <see cref="Read"/> the logged decisions read so far. The result is set once the run succeeded.
/// </summary>
public sealed record AnalysisRunStatus(
    string Id, AnalysisKind Kind, AnalysisState State, long Read, double Percent, DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt, ReplaySummary? Replay, ImpactReport? Impact, string? Error);

/// <summary>One run of <see cref="AnalysisRuns"/>: its progress, its end, and how to stop it.</summary>
public sealed class AnalysisRun(string id, string owner, AnalysisKind kind, DateTimeOffset startedAt,
    AnalysisProgress progress)
    : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private volatile AnalysisOutcome _outcome = new(AnalysisState.Running, null, null, null);

    public string Id => id;

    public string Owner => owner;

    public CancellationToken Stopping => _stop.Token;

    public Task Completion { get; set; } = Task.CompletedTask;

    public DateTimeOffset? FinishedAt => _outcome.FinishedAt;

    public AnalysisRunStatus Status()
    {
        var outcome = _outcome;
        var percent = outcome.State == AnalysisState.Succeeded ? 100 : progress.Percent;
        return new AnalysisRunStatus(id, kind, outcome.State, progress.Read, percent,
            startedAt, outcome.FinishedAt, outcome.Result?.Replay, outcome.Result?.Impact, outcome.Error);
    }

    public Task CancelAsync() => _stop.CancelAsync();

    public void End(AnalysisState state, DateTimeOffset at, AnalysisResult? result = null, string? error = null) =>
        _outcome = new AnalysisOutcome(state, at, result, error);

    public void Dispose() => _stop.Dispose();

    private sealed record AnalysisOutcome(AnalysisState State, DateTimeOffset? FinishedAt,
        AnalysisResult? Result, string? Error);
}
