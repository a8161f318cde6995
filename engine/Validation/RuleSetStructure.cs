using System.Text.RegularExpressions;
using Decisions.Engine.Model;

namespace Decisions.Engine.Validation;

/// <summary>Checks of a rule set that need no compilation: names, codes, labels, duplicates, field options.</summary>
internal static partial class RuleSetStructure
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RuleSetName();

    [GeneratedRegex("^[a-zA-Z_][a-zA-Z0-9_]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex("^[A-Z][A-Z0-9_]*$")]
    private static partial Regex Code();

    private static readonly HashSet<string> Reserved = ["customer", "params", "scores", "tier", "today", "asOf", "true",
        "false", "null", "it", "new", "iif", "np", "in", "and", "or", "not"];

    public static void Check(RuleSet ruleSet, List<Problem> problems)
    {
        if (!CheckNoNulls(ruleSet, problems))
        {
            return;
        }

        if (!RuleSetName().IsMatch(ruleSet.Name))
        {
            problems.Add(
                new Problem("name", "Use lower-case letters, digits and single dashes, e.g. 'retail-tiering'."));
        }

        if (ruleSet.Version < 1)
        {
            problems.Add(new Problem("version", "The version must be 1 or more."));
        }

        if (ruleSet.Format is { } format && !RuleSetFormat.IsKnown(format))
        {
            problems.Add(new Problem(
                "format",
                $"Unknown format {format}: this engine knows formats "
                + $"{RuleSetFormat.Original} and {RuleSetFormat.MissingIsNull}."));
        }

        if (ruleSet.Effective is { From: { } from, Until: { } until } && until <= from)
        {
            problems.Add(new Problem("effective", "'until' must be after 'from'."));
        }

        CheckNames(ruleSet.Parameters.Keys, "parameters", problems);
        foreach (var (name, parameter) in ruleSet.Parameters)
        {
            CheckBounds(parameter.Type, parameter.Minimum, parameter.Maximum, $"parameters.{name}", problems);
        }

        CheckNames(ruleSet.Input.Keys, "input", problems);
        foreach (var (name, field) in ruleSet.Input)
        {
            CheckField(field, $"input.{name}", problems);
        }

        CheckNames(ruleSet.Scores.Rules.Select(score => score.Name), "scores.rules", problems, indexed: true);
        CheckCodes(ruleSet.Tiers.Rules.Select(rule => rule.Code), "tiers", problems);
        CheckCodes(ruleSet.Privileges.Rules.Select(rule => rule.Code), "privileges", problems);
        CheckCodes(ruleSet.NextActions.Rules.Select(rule => rule.Code), "nextActions", problems);
        CheckLabels(ruleSet, problems);
        foreach (var (section, count) in new[] { ("tiers", ruleSet.Tiers.Rules.Count),
            ("privileges", ruleSet.Privileges.Rules.Count), ("nextActions", ruleSet.NextActions.Rules.Count) })
        {
            if (count > Compilation.ConditionSet.MaxRules)
            {
                problems.Add(new Problem($"{section}.rules",
                    $"A section may hold at most {Compilation.ConditionSet.MaxRules} rules; this one has {count}."));
            }
        }

        if (ruleSet.Tiers.Rules.Count == 0)
        {
            problems.Add(new Problem("tiers.rules", "At least one tier is required."));
        }
    }

    // The JSON reader enforces nullability on properties but not on dictionary values or list items.
    private static bool CheckNoNulls(RuleSet ruleSet, List<Problem> problems)
    {
        var before = problems.Count;
        void Entries<T>(IEnumerable<KeyValuePair<string, T>> entries, string section)
        {
            problems.AddRange(entries.Where(e => e.Value is null)
                .Select(e => new Problem($"{section}.{e.Key}", "A definition is required here, not null.")));
        }

        void Items<T>(IEnumerable<T> items, string section)
        {
            problems.AddRange(items.Select((item, i) => (item, i))
                .Where(x => x.item is null)
                .Select(x => new Problem($"{section}[{x.i}]", "A rule is required here, not null.")));
        }

        Entries(ruleSet.Parameters, "parameters");
        Entries(ruleSet.Input, "input");
        Items(ruleSet.Scores.Rules, "scores.rules");
        Items(ruleSet.Tiers.Rules, "tiers.rules");
        Items(ruleSet.Privileges.Rules, "privileges.rules");
        Items(ruleSet.NextActions.Rules, "nextActions.rules");
        Items(ruleSet.Tests, "tests");
        var texts = ruleSet.Tiers.Rules.OfType<TierRule>().Select((r, i) => (r.Label, $"tiers.rules[{i}].label"))
            .Concat(ruleSet.Privileges.Rules.OfType<PrivilegeRule>()
                .Select((r, i) => (r.Label, $"privileges.rules[{i}].label")))
            .Concat(ruleSet.NextActions.Rules.OfType<NextActionRule>()
                .Select((r, i) => (r.Title, $"nextActions.rules[{i}].title")));
        foreach (var (text, path) in texts)
        {
            Entries(text, path);
        }

        return problems.Count == before;
    }

    private static void CheckBounds(
        FieldType type, decimal? minimum, decimal? maximum, string path, List<Problem> problems)
    {
        if ((minimum is not null || maximum is not null) && type is not (FieldType.Number or FieldType.Integer))
        {
            problems.Add(new Problem(path, "Only numbers and integers can have a minimum or maximum."));
        }
    }

    private static void CheckField(InputField field, string path, List<Problem> problems)
    {
        if (field.Enum is not null && field.Type != FieldType.String)
        {
            problems.Add(new Problem(path + ".enum", "Only string fields can list allowed values."));
        }

        CheckBounds(field.Type, field.Minimum, field.Maximum, path, problems);

        var listOptions = new[]
        {
            ("maxItems", field.MaxItems is not null),
            ("items", field.Items is not null),
            ("uniqueItems", field.UniqueItems is not null),
        };
        foreach (var (option, given) in listOptions)
        {
            if (given && field.Type != FieldType.StringArray)
            {
                problems.Add(new Problem($"{path}.{option}", $"Only string[] fields can have {option}."));
            }
        }

        if (field.Items is { Enum: null or [] })
        {
            problems.Add(new Problem(path + ".items.enum", "List the allowed item values."));
        }
    }

    private static void CheckNames(IEnumerable<string> names, string section,
        List<Problem> problems, bool indexed = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var name in names)
        {
            var path = indexed ? $"{section}[{index}].name" : $"{section}.{name}";
            if (!Identifier().IsMatch(name) || Reserved.Contains(name))
            {
                problems.Add(new Problem(path, $"'{name}' is not a usable name: use letters, digits and '_', "
                    + "starting with a letter, and no reserved word."));
            }
            else if (!seen.Add(name))
            {
                problems.Add(new Problem(path, $"The name '{name}' is used twice."));
            }

            index++;
        }
    }

    private static void CheckCodes(IEnumerable<string> codes, string section, List<Problem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var code in codes)
        {
            var path = $"{section}.rules[{index++}].code";
            if (!Code().IsMatch(code))
            {
                problems.Add(new Problem(path, $"'{code}' is not a code: use upper-case letters, digits and '_'."));
            }
            else if (!seen.Add(code))
            {
                problems.Add(new Problem(path, $"The code '{code}' is used twice in {section}."));
            }
        }
    }

    private static void CheckLabels(RuleSet ruleSet, List<Problem> problems)
    {
        var labels = ruleSet.Tiers.Rules.Select((rule, i) => (rule.Label, $"tiers.rules[{i}].label"))
            .Concat(ruleSet.Privileges.Rules.Select((rule, i) => (rule.Label, $"privileges.rules[{i}].label")))
            .Concat(ruleSet.NextActions.Rules.Select((rule, i) => (rule.Title, $"nextActions.rules[{i}].title")))
            .Concat(ruleSet.Input.Where(pair => pair.Value.Label is not null)
                .Select(pair => (pair.Value.Label!, $"input.{pair.Key}.label")))
            .Concat(ruleSet.Parameters.Where(pair => pair.Value.Label is not null)
                .Select(pair => (pair.Value.Label!, $"parameters.{pair.Key}.label")));
        foreach (var (label, path) in labels)
        {
            if (!label.ContainsKey(ruleSet.Locale))
            {
                problems.Add(new Problem(path, $"The text in the rule set's locale '{ruleSet.Locale}' is missing."));
            }
        }
    }
}
