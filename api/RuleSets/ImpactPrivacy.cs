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
    /// <summary>The report with every count under <paramref name="minimum"/> suppressed and every sample id removed.</summary>
    public static ImpactReport Suppress(ImpactReport report, int minimum)
    {
        int? Shown(int? count) => count >= minimum ? count : null;
        IReadOnlyList<ImpactCell> Cells(IReadOnlyList<ImpactCell> cells) =>
            [.. cells.Select(c => c with { Count = Shown(c.Count), Samples = [], Suppressed = c.Count < minimum })];
        return report with
        {
            Changed = Shown(report.Changed),
            Failed = Shown(report.Failed),
            TierMigrations = Cells(report.TierMigrations),
            PrivilegesGained = Cells(report.PrivilegesGained),
            PrivilegesLost = Cells(report.PrivilegesLost),
            ActionChanges = Cells(report.ActionChanges),
            FailedSamples = [],
            SuppressedBelow = minimum,
        };
    }

    /// <summary>Each expression of <paramref name="ruleSet"/> that reads an identifying customer field, by its path.</summary>
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
            .SelectMany(e => CustomerField().Matches(e.Item2 ?? "").Select(m => (Path: e.Item1, Field: m.Groups["field"].Value)))
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
