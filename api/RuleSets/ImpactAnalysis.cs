using System.Text.Json;
using Decisions.Api.Analysis;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;
using Decisions.Engine.Explanation;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Re-decides the customers of a period with another version, each by their latest logged decision (its recorded
/// input and decision time), and counts what would change. Pure reading: nothing is logged. The log is streamed
/// newest first (<see cref="ReDecisions"/>): a customer met again is skipped, and only the counts, the samples and
/// a 64-bit hash per customer are kept (<see cref="CustomersSeen"/>), so memory does not grow with the decisions.
/// Like is compared with like: a decision logged by another version than the active one is compared with what the
/// active version decides for the same input and time, so that a copy of the active version changes nobody.
/// </summary>
public static class ImpactAnalysis
{
    private const int SampleSize = 5;

    /// <param name="candidate">The version that re-decides.</param>
    /// <param name="active">The version in force, what the candidate would replace; null when none is.</param>
    /// <param name="pages">The period's decisions of the rule set, newest first.</param>
    /// <param name="period">The period, for the report.</param>
    /// <param name="customers">Reading stops after this many customers, the most recently decided.</param>
    /// <param name="progress">Advanced as decisions are re-decided.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public static async Task<ImpactReport> RunAsync(
        CompiledRuleSet candidate, CompiledRuleSet? active, IAsyncEnumerable<DecisionPage> pages, ImpactPeriod period,
        long customers,
        AnalysisProgress progress, CancellationToken cancellationToken)
    {
        var seen = new CustomersSeen();
        var tallies = await ReDecisions.ReDecideAsync(
            pages,
            record => seen.FirstTime(record.CustomerId),
            () => new Tally(),
            (tally, decoded, token) =>
            {
                var outcome = Decide(candidate, active, decoded, tally, token);
                (outcome is null ? tally.Failed : null)?.Add(decoded.Record.Sequence, decoded.Record.Id);
                tally.Changed += outcome == true ? 1 : 0;
                return ValueTask.CompletedTask;
            },
            (tally, unreadable) => tally.Failed.Add(unreadable.Sequence, unreadable.Id),
            progress,
            customers,
            cancellationToken);
        var all = tallies.Aggregate((a, b) => a.Merge(b));
        return new ImpactReport(candidate.Ref.Name, candidate.Ref.Version, (int)progress.Read, seen.Count, all.Changed,
            all.Failed.Count, (int)progress.Erased, all.Tiers.ToList(), all.Gained.ToList(), all.Lost.ToList(),
            all.Actions.ToList(), all.Failed.Ids, period.From, period.To, active?.Ref.Version, all.ComparedWithActive);
    }

    /// <summary>
    /// Re-decides one logged decision into the cells: whether anything changed, null when it fails or its logged
    /// payload is not the JSON of a decision (the log is read unchecked, since this parses every payload anyway).
    /// </summary>
    private static bool? Decide(
        CompiledRuleSet candidate, CompiledRuleSet? active, DecodedDecision decoded, Tally tally,
        CancellationToken cancellationToken)
    {
        try
        {
            return Compare(candidate, active, decoded, tally, cancellationToken);
        }
        catch (Exception exception)
            when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool? Compare(
        CompiledRuleSet candidate, CompiledRuleSet? active, DecodedDecision decoded, Tally tally,
        CancellationToken cancellationToken)
    {
        var record = decoded.Record;
        using var input = JsonDocument.Parse(decoded.Input);
        var reDecided = active is not null && record.Version != active.Ref.Version;
        var before = reDecided
            ? LoggedCodes.Of(
                active!.Evaluate(input.RootElement, record.AsOf, ExplainLevel.None, cancellationToken).Decision)
            : LoggedCodes.Read(decoded.Output.Span);
        var result = candidate.Evaluate(input.RootElement, record.AsOf, ExplainLevel.None, cancellationToken);
        if (result.Decision is not { } now || before is null)
        {
            return null;
        }

        tally.ComparedWithActive += reDecided ? 1 : 0;

        var (tierBefore, privilegesBefore, actionBefore) = before;
        var privilegesNow = now.Privileges.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var actionNow = now.NextAction?.Code ?? "";

        tally.Tiers.Add(tierBefore, now.Tier.Code, record);
        foreach (var code in privilegesNow.Except(privilegesBefore))
        {
            tally.Gained.Add(code, code, record);
        }

        foreach (var code in privilegesBefore.Except(privilegesNow))
        {
            tally.Lost.Add(code, code, record);
        }

        if (actionBefore != actionNow)
        {
            tally.Actions.Add(actionBefore, actionNow, record);
        }

        return tierBefore != now.Tier.Code || actionBefore != actionNow || !privilegesBefore.SetEquals(privilegesNow);
    }

    /// <summary>One worker's counts.</summary>
    private sealed class Tally
    {
        public int Changed { get; set; }

        public int ComparedWithActive { get; set; }

        public Samples<string> Failed { get; } = new(SampleSize);

        public Cells Tiers { get; } = new();

        public Cells Gained { get; } = new();

        public Cells Lost { get; } = new();

        public Cells Actions { get; } = new();

        public Tally Merge(Tally other)
        {
            Changed += other.Changed;
            ComparedWithActive += other.ComparedWithActive;
            Failed.Merge(other.Failed);
            Tiers.Merge(other.Tiers);
            Gained.Merge(other.Gained);
            Lost.Merge(other.Lost);
            Actions.Merge(other.Actions);
            return this;
        }
    }

    private sealed class Cells
    {
        private readonly Dictionary<(string From, string To), Samples<ImpactSample>> _cells = [];

        public void Add(string from, string to, DecisionRecord record) =>
            Cell((from, to)).Add(record.Sequence, new ImpactSample(record.Id, record.CustomerId, record.DecidedAt));

        public void Merge(Cells other)
        {
            foreach (var (key, samples) in other._cells)
            {
                Cell(key).Merge(samples);
            }
        }

        public List<ImpactCell> ToList() =>
            [.. _cells.OrderBy(c => c.Key.From, StringComparer.Ordinal).ThenBy(c => c.Key.To, StringComparer.Ordinal)
                .Select(c => new ImpactCell(
                    c.Key.From, c.Key.To, c.Value.Count, [.. c.Value.Ids.Select(s => s.DecisionId)], c.Value.Ids))];

        private Samples<ImpactSample> Cell((string, string) key) =>
            _cells.TryGetValue(key, out var samples) ? samples : _cells[key] = new Samples<ImpactSample>(SampleSize);
    }
}
