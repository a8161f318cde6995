using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests;

/// <summary>
/// Rule sets built to a size: <see cref="AtTheLimits"/> fills every count limit of the default options at once,
/// with rules that read scores, tables, lists and templates, so that validating it shows what the limits cost.
/// </summary>
internal static class LargeRuleSet
{
    private const int SectionRules = 64;
    private const string Message =
        "{{ customer.customerId }}: {{ for p in privileges }}{{ p.code | string.downcase }} {{ end }}{{ scores.s0 }}";

    public static JsonObject WithScores(int count) => MinimalRuleSet.With(j => j["scores"] = new JsonObject
    {
        ["rules"] = Array(count,
            i => new JsonObject { ["name"] = $"s{i}", ["expression"] = $"customer.balance * {i}" }),
    });

    public static JsonObject AtTheLimits(DecisionEngineOptions options) => MinimalRuleSet.With(j =>
    {
        const int last = SectionRules - 1;
        for (var i = 0; j["input"]!.AsObject().Count < options.MaxFields; i++)
        {
            j["input"]![$"f{i}"] = new JsonObject { ["type"] = "number" };
        }

        j["parameters"]!["lst"] = new JsonObject
        {
            ["type"] = "string[]",
            ["value"] = Array(options.MaxListParameterItems, i => $"item{i}"),
        };
        j["scores"] = new JsonObject { ["rules"] = Array(options.MaxScoreRules, i => Score(i, options.MaxTableRows)) };
        j["tiers"]!["rules"] = Rules("label", i => i == last ? "true" : $"customer.balance == {i} && scores.s{i} >= 0");
        j["privileges"]!["rules"] = Rules("label", i => $"customer.tags.Any(t => t == \"p{i}\") && tier == \"R{i}\"");
        j["nextActions"]!["rules"] = Rules("title",
            i => i == last ? "true" : $"customer.f{i} > {i}", withMessage: true);
        j["tests"] = Array(options.MaxTests, i => new JsonObject
        {
            ["name"] = $"customer {i}",
            ["asOf"] = "2026-01-01T00:00:00Z",
            ["customer"] = new JsonObject { ["customerId"] = $"c{i}", ["balance"] = 1_000 + i },
            ["expect"] = new JsonObject
            {
                ["tier"] = $"R{last}", ["privileges"] = new JsonArray(), ["nextAction"] = $"R{last}",
            },
        });
    });

    // Odd scores look up a points table keyed by the score above; even ones are expressions over a list.
    private static JsonObject Score(int i, int tableRows) => i % 2 == 1
        ? new JsonObject
        {
            ["name"] = $"s{i}",
            ["table"] = new JsonObject
            {
                ["of"] = $"customer.balance + scores.s{i - 1}",
                ["rows"] = Array(tableRows,
                    r => new JsonObject { ["min"] = r * 10, ["max"] = r * 10 + 10, ["points"] = r }),
            },
        }
        : new JsonObject
        {
            ["name"] = $"s{i}",
            ["expression"] = $"customer.balance * {i} + params.goldBalance - customer.tags.Count(t => t == \"s{i}\")",
        };

    private static JsonArray Rules(string labelName, Func<int, string> when, bool withMessage = false) =>
        Array(SectionRules, i =>
        {
            var rule = new JsonObject
            {
                ["code"] = $"R{i}",
                [labelName] = new JsonObject { ["zh-CN"] = $"规则{i}", ["en"] = $"Rule {i}" },
                ["when"] = when(i),
            };
            if (withMessage)
            {
                rule["priority"] = i;
                rule["message"] = Message;
            }

            return rule;
        });

    private static JsonArray Array(int count, Func<int, JsonNode> item) =>
        new([.. Enumerable.Range(0, count).Select(item)]);
}
