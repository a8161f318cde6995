using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests;

/// <summary>
/// Rule sets built to a size: <see cref="AtTheLimits"/> fills every count limit of the default options at once,
/// with rules that read scores, tables, lists and templates, so that validating it shows what the limits cost.
/// </summary>
internal static class LargeRuleSet
{
    public static JsonObject WithScores(int count) => MinimalRuleSet.With(j => j["scores"] = new JsonObject
    {
        ["rules"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["name"] = $"s{i}", ["expression"] = $"customer.balance * {i}" })]),
    });

    public static JsonObject AtTheLimits(DecisionEngineOptions options) => MinimalRuleSet.With(j =>
    {
        var rules = 64;
        for (var i = 0; j["input"]!.AsObject().Count < options.MaxFields; i++)
        {
            j["input"]![$"f{i}"] = new JsonObject { ["type"] = "number" };
        }

        j["parameters"]!["lst"] = new JsonObject
        {
            ["type"] = "string[]",
            ["value"] = new JsonArray([.. Enumerable.Range(0, options.MaxListParameterItems).Select(i => (JsonNode)$"item{i}")]),
        };
        j["scores"] = Scores(options.MaxScoreRules, options.MaxTableRows);
        j["tiers"]!["rules"] = Rules(rules, i => i == rules - 1 ? "true" : $"customer.balance == {i} && scores.s{i} >= 0", "label");
        j["privileges"]!["rules"] = Rules(rules, i => $"customer.tags.Any(t => t == \"p{i}\") && tier == \"R{i}\"", "label");
        j["nextActions"]!["rules"] = Rules(rules, i => i == rules - 1 ? "true" : $"customer.f{i} > {i}", "title", withMessage: true);
        j["tests"] = new JsonArray([.. Enumerable.Range(0, options.MaxTests).Select(i => (JsonNode)new JsonObject
        {
            ["name"] = $"customer {i}",
            ["asOf"] = "2026-01-01T00:00:00Z",
            ["customer"] = new JsonObject { ["customerId"] = $"c{i}", ["balance"] = 1_000 + i, ["tags"] = new JsonArray("a", "b") },
            ["expect"] = new JsonObject { ["tier"] = $"R{rules - 1}", ["privileges"] = new JsonArray(), ["nextAction"] = $"R{rules - 1}" },
        })]);
    });

    private static JsonObject Scores(int count, int tableRows) => new()
    {
        ["rules"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)(i % 2 == 1
            ? new JsonObject
            {
                ["name"] = $"s{i}",
                ["table"] = new JsonObject
                {
                    ["of"] = $"customer.balance + scores.s{i - 1}",
                    ["rows"] = new JsonArray([.. Enumerable.Range(0, tableRows).Select(r => (JsonNode)new JsonObject { ["min"] = r * 100, ["max"] = (r + 1) * 100, ["points"] = r })]),
                },
            }
            : new JsonObject { ["name"] = $"s{i}", ["expression"] = $"customer.balance * {i} + params.goldBalance - customer.tags.Count(t => t == \"s{i}\")" }))]),
    };

    private static JsonArray Rules(int count, Func<int, string> when, string labelName, bool withMessage = false) =>
        new([.. Enumerable.Range(0, count).Select(i =>
        {
            var rule = new JsonObject { ["code"] = $"R{i}", [labelName] = new JsonObject { ["zh-CN"] = $"规则{i}", ["en"] = $"Rule {i}" }, ["when"] = when(i) };
            if (withMessage)
            {
                rule["priority"] = i;
                rule["message"] = "{{ customer.customerId }}: {{ for p in privileges }}{{ p.code | string.downcase }} {{ end }}{{ scores.s0 | math.format \"N2\" }}";
            }

            return (JsonNode)rule;
        })]);
}
