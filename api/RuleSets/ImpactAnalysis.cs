using System.Text.Json;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;

namespace Decisions.Api.RuleSets;

/// <summary>How a version would have decided the recent logged decisions differently.</summary>
public sealed record ImpactReport(
    string RuleSet, int Version, int Decisions, int Changed, int Failed,
    IReadOnlyList<ImpactCell> TierMigrations, IReadOnlyList<ImpactCell> PrivilegesGained, IReadOnlyList<ImpactCell> PrivilegesLost,
    IReadOnlyList<ImpactCell> ActionChanges, IReadOnlyList<string> FailedSamples);

/// <summary>One cell: from → to (or a privilege code), how many decisions, and up to five sample decision ids.</summary>
public sealed record ImpactCell(string From, string To, int Count, IReadOnlyList<string> Samples);

/// <summary>
/// Re-decides the last N logged decisions of a rule set with another version, each with its recorded input
/// and decision time, and counts what would change. Pure reading: nothing is logged.
/// </summary>
public static class ImpactAnalysis
{
    private const int Samples = 5;

    public static ImpactReport Run(CompiledRuleSet candidate, IReadOnlyList<DecisionRecord> decisions, CancellationToken cancellationToken)
    {
        var tiers = new Cells();
        var gained = new Cells();
        var lost = new Cells();
        var actions = new Cells();
        var failed = new List<string>();
        var changed = 0;
        foreach (var record in decisions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var input = JsonDocument.Parse(record.Input);
            using var output = JsonDocument.Parse(record.Output);
            var result = candidate.Evaluate(input.RootElement, record.AsOf, cancellationToken);
            if (result.Decision is not { } now)
            {
                failed.Add(record.Id);
                continue;
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

            changed += tierBefore != now.Tier.Code || actionBefore != actionNow || !privilegesBefore.SetEquals(privilegesNow) ? 1 : 0;
        }

        return new ImpactReport(candidate.Ref.Name, candidate.Ref.Version, decisions.Count, changed, failed.Count,
            tiers.ToList(), gained.ToList(), lost.ToList(), actions.ToList(), [.. failed.Take(Samples)]);
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
