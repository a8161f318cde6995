using System.Text.Json;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;

namespace Decisions.Api.RuleSets;

/// <summary>How a version would have decided the recent logged decisions differently.</summary>
/// <param name="RuleSet">The rule set.</param>
/// <param name="Version">The version that re-decided them.</param>
/// <param name="Decisions">How many logged decisions were re-decided.</param>
/// <param name="Changed">Decisions that would change; null when suppressed (fewer than <paramref name="SuppressedBelow"/>).</param>
/// <param name="Failed">Decisions that could not be re-decided (or read); null when suppressed.</param>
/// <param name="TierMigrations">From one tier to another (or the same).</param>
/// <param name="PrivilegesGained">Per privilege code.</param>
/// <param name="PrivilegesLost">Per privilege code.</param>
/// <param name="ActionChanges">From one next action to another.</param>
/// <param name="FailedSamples">Up to five of their ids, only for roles that may read decisions.</param>
/// <param name="SuppressedBelow">
/// Set for roles that may not read decisions: every count under it is null, so that no answer singles out a customer.
/// </param>
public sealed record ImpactReport(
    string RuleSet, int Version, int Decisions, int? Changed, int? Failed,
    IReadOnlyList<ImpactCell> TierMigrations, IReadOnlyList<ImpactCell> PrivilegesGained, IReadOnlyList<ImpactCell> PrivilegesLost,
    IReadOnlyList<ImpactCell> ActionChanges, IReadOnlyList<string> FailedSamples, int? SuppressedBelow = null);

/// <summary>One cell: from → to (or a privilege code), how many decisions, and up to five sample decision ids.</summary>
/// <param name="From">The tier, action or privilege before.</param>
/// <param name="To">The one after.</param>
/// <param name="Count">How many decisions; null when <paramref name="Suppressed"/>.</param>
/// <param name="Samples">Up to five decision ids, only for roles that may open them.</param>
/// <param name="Suppressed">True when the count is under the report's <c>suppressedBelow</c> and is not shown.</param>
public sealed record ImpactCell(string From, string To, int? Count, IReadOnlyList<string> Samples, bool Suppressed = false);

/// <summary>
/// Re-decides the last N logged decisions of a rule set with another version, each with its recorded input
/// and decision time, and counts what would change. Pure reading: nothing is logged. The log is read a page at a
/// time and only the counts and samples are kept, so a run's memory does not grow with the number of decisions.
/// </summary>
public static class ImpactAnalysis
{
    private const int Samples = 5;

    public static async Task<ImpactReport> RunAsync(
        CompiledRuleSet candidate, IAsyncEnumerable<DecisionPage> pages, CancellationToken cancellationToken)
    {
        var tiers = new Cells();
        var gained = new Cells();
        var lost = new Cells();
        var actions = new Cells();
        var failed = new Cells();
        var changed = 0;
        var total = 0;
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            total += page.Decisions.Count + page.Unreadable.Count;
            foreach (var unreadable in page.Unreadable)
            {
                failed.Add("", "", unreadable.Id);
            }

            foreach (var record in page.Decisions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var outcome = Compare(candidate, record, tiers, gained, lost, actions, cancellationToken);
                (outcome is null ? failed : null)?.Add("", "", record.Id);
                changed += outcome == true ? 1 : 0;
            }
        }

        var failures = failed.ToList() is [var all] ? all : new ImpactCell("", "", 0, []);
        return new ImpactReport(candidate.Ref.Name, candidate.Ref.Version, total, changed, failures.Count,
            tiers.ToList(), gained.ToList(), lost.ToList(), actions.ToList(), failures.Samples);
    }

    /// <summary>Re-decides one logged decision into the cells: whether anything changed, null when it fails.</summary>
    private static bool? Compare(
        CompiledRuleSet candidate, DecisionRecord record, Cells tiers, Cells gained, Cells lost, Cells actions,
        CancellationToken cancellationToken)
    {
        using var input = JsonDocument.Parse(record.Input);
        using var output = JsonDocument.Parse(record.Output);
        var result = candidate.Evaluate(input.RootElement, record.AsOf, cancellationToken);
        if (result.Decision is not { } now)
        {
            return null;
        }

        var before = output.RootElement;
        var tierBefore = before.GetProperty("tier").GetProperty("code").GetString()!;
        var privilegesBefore = before.GetProperty("privileges").EnumerateArray().Select(p => p.GetProperty("code").GetString()!).ToHashSet(StringComparer.Ordinal);
        var actionBefore = before.TryGetProperty("nextAction", out var action) && action.ValueKind == JsonValueKind.Object ? action.GetProperty("code").GetString()! : "";
        var privilegesNow = now.Privileges.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var actionNow = now.NextAction?.Code ?? "";

        tiers.Add(tierBefore, now.Tier.Code, record.Id);
        foreach (var code in privilegesNow.Except(privilegesBefore))
        {
            gained.Add(code, code, record.Id);
        }

        foreach (var code in privilegesBefore.Except(privilegesNow))
        {
            lost.Add(code, code, record.Id);
        }

        if (actionBefore != actionNow)
        {
            actions.Add(actionBefore, actionNow, record.Id);
        }

        return tierBefore != now.Tier.Code || actionBefore != actionNow || !privilegesBefore.SetEquals(privilegesNow);
    }

    private sealed class Cells
    {
        private readonly Dictionary<(string From, string To), (int Count, List<string> Samples)> _cells = [];

        public void Add(string from, string to, string id)
        {
            var (count, samples) = _cells.TryGetValue((from, to), out var cell) ? cell : (0, []);
            if (samples.Count < Samples)
            {
                samples.Add(id);
            }

            _cells[(from, to)] = (count + 1, samples);
        }

        public List<ImpactCell> ToList() =>
            [.. _cells.OrderBy(c => c.Key.From, StringComparer.Ordinal).ThenBy(c => c.Key.To, StringComparer.Ordinal)
                .Select(c => new ImpactCell(c.Key.From, c.Key.To, c.Value.Count, c.Value.Samples))];
    }
}
