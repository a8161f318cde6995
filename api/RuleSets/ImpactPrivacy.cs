using System.Text.RegularExpressions;
using Decisions.Engine.Model;

namespace Decisions.Api.RuleSets;

/// <summary>
/// What an impact answer may show a role that may not read decisions (an editor): no count under
/// <c>minimum</c>, no decision ids, and no run of a version whose expressions read an identifying field,
/// since such a rule picks out named customers and its counts would be about them.
/// </summary>
public static partial class ImpactPrivacy
{
    /// <summary>
    /// The report with every count under <paramref name="minimum"/> suppressed and every sample id removed. The
    /// cells are every combination of the version's codes (tiers from and to, privileges, actions from and to),
    /// whatever the log holds, plus observed cells of at least <paramref name="minimum"/>: whether a suppressed
    /// cell exists would otherwise tell, threshold by threshold, that some customer crossed it.
    /// </summary>
    public static ImpactReport Suppress(ImpactReport report, int minimum, RuleSet ruleSet)
    {
        int? Shown(int? count) => count >= minimum ? count : null;
        IReadOnlyList<ImpactCell> Grid(IReadOnlyList<ImpactCell> observed, IEnumerable<(string From, string To)> all)
        {
            var counts = observed.ToDictionary(c => (c.From, c.To), c => c.Count ?? 0);
            return [.. all.Concat(counts.Where(c => c.Value >= minimum).Select(c => c.Key))
                .Distinct()
                .OrderBy(key => key.From, StringComparer.Ordinal).ThenBy(key => key.To, StringComparer.Ordinal)
                .Select(key => counts.GetValueOrDefault(key) is var count && count >= minimum
                    ? new ImpactCell(key.From, key.To, count, [], [])
                    : new ImpactCell(key.From, key.To, null, [], [], Suppressed: true))];
        }

        var tiers = ruleSet.Tiers.Rules.Select(r => r.Code).ToList();
        var privileges = ruleSet.Privileges.Rules.Select(r => (r.Code, r.Code)).ToList();
        List<string> actions = ["", .. ruleSet.NextActions.Rules.Select(r => r.Code)];
        return report with
        {
            Changed = Shown(report.Changed),
            Failed = Shown(report.Failed),
            Erased = Shown(report.Erased),
            ComparedWithActive = Shown(report.ComparedWithActive),
            TierMigrations = Grid(report.TierMigrations, tiers.SelectMany(from => tiers.Select(to => (from, to)))),
            PrivilegesGained = Grid(report.PrivilegesGained, privileges),
            PrivilegesLost = Grid(report.PrivilegesLost, privileges),
            ActionChanges = Grid(
                report.ActionChanges,
                actions.SelectMany(from => actions.Where(to => to != from).Select(to => (from, to)))),
            FailedSamples = [],
            SuppressedBelow = minimum,
        };
    }

    /// <summary>
    /// Each expression of <paramref name="ruleSet"/> that reads an identifying customer field, by its path.
    /// </summary>
    public static IReadOnlyList<Problem> IdentifyingReads(RuleSet ruleSet)
    {
        var expressions = ruleSet.Scores.Rules.SelectMany((r, i) => new[]
            {
                ($"scores.rules[{i}].expression", r.Expression), ($"scores.rules[{i}].table.of", r.Table?.Of),
            })
            .Concat(ruleSet.Tiers.Rules.Select((r, i) => ($"tiers.rules[{i}].when", (string?)r.When)))
            .Concat(ruleSet.Privileges.Rules.Select((r, i) => ($"privileges.rules[{i}].when", (string?)r.When)))
            .Concat(ruleSet.NextActions.Rules.Select((r, i) => ($"nextActions.rules[{i}].when", (string?)r.When)));
        return [.. expressions
            .SelectMany(e => CustomerField()
                .Matches(e.Item2 ?? "")
                .Select(m => (Path: e.Item1, Field: m.Groups["field"].Value)))
            .Where(read => Identifying(read.Field))
            .DistinctBy(read => read.Path)
            .Select(read => new Problem(read.Path,
                $"Reads the identifying field 'customer.{read.Field}': its impact would be about individual customers, "
                + "which only roles that may read decisions (auditor, admin) may see."))];
    }

    /// <summary>The customer's id and anything named like an id or a name.</summary>
    public static bool Identifying(string field) =>
        field.EndsWith("Id", StringComparison.Ordinal) || field.Equals("id", StringComparison.OrdinalIgnoreCase)
        || field.Contains("name", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\bcustomer\s*\.\s*(?<field>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant)]
    private static partial Regex CustomerField();
}
