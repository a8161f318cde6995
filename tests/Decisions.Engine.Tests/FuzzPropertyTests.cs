using System.Text.Json.Nodes;
using Decisions.Engine.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Decisions.Engine.Tests;

/// <summary>
/// Property tests of the parser and the validator: whatever text arrives, they answer with a rule set or
/// with problems; they never throw, and every case finishes (the runner would time out on a hang).
/// </summary>
public sealed class FuzzPropertyTests
{
    private static readonly string[] Pieces =
    [
        "customer.balance", "params.goldBalance", "tier", "today", "asOf", "1", "0.5", "\"x\"", "null", "true",
        "(", ")", "[", "]", "{", "}", ".", ",", "+", "-", "*", "/", "%", "==", "!=", ">=", "<", "&&", "||", "!", "?", ":",
        "in", "new", "=>", "x", "Length", "Contains(", "Days.Since(", "GetType()", "Math.Max(", "\\", "'", "\u4e2d", "\ud800",
    ];

    private static Arbitrary<string> Expressions() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Join(" ", parts)).ToArbitrary();

    [Property(MaxTest = 300)]
    public void Any_text_parses_to_a_rule_set_or_a_problem(string text)
    {
        var (ruleSet, problem) = RuleSetJson.Parse(text ?? "");

        Assert.True(ruleSet is not null ^ problem is not null);
    }

    [Property(MaxTest = 300)]
    public Property Any_expression_validates_or_yields_problems_at_its_path() =>
        Prop.ForAll(Expressions(), expression =>
        {
            var report = Engine.Validator.Validate(MinimalRuleSet.WithTierCondition(expression).ToJsonString());

            return report.IsValid || report.Problems.Count > 0;
        });

    [Property(MaxTest = 200)]
    public Property Any_template_validates_or_yields_problems() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("{{", "}}", "customer.customerId", "if", "end", "for", "x", "in", "=", "|", "math.format", "\"N2\"", "tier.code", "..", "date.now", "func", "ret", "else", "中文")).Select(p => string.Join(" ", p)).ToArbitrary(), template =>
        {
            var report = Engine.Validator.Validate(MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template).ToJsonString());

            return report.IsValid || report.Problems.Count > 0;
        });

    [Property(MaxTest = 200)]
    public Property Any_value_in_any_place_of_a_valid_rule_set_validates_or_yields_problems() =>
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(), Gen.Elements<JsonNode?>(null, 0, -1, 1e30, "", "x", true, new JsonArray(), new JsonObject()).ToArbitrary(), (seed, value) =>
        {
            var json = MinimalRuleSet.Json();
            var nodes = Flatten(json).ToList();
            var (parent, key) = nodes[seed % nodes.Count];
            parent[key] = value?.DeepClone();
            var report = Engine.Validator.Validate(json.ToJsonString());

            return report.IsValid || report.Problems.Count > 0;
        });

    private static IEnumerable<(JsonObject Parent, string Key)> Flatten(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToList())
            {
                yield return (obj, key);
                if (child is not null)
                {
                    foreach (var inner in Flatten(child))
                    {
                        yield return inner;
                    }
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array.Where(c => c is not null))
            {
                foreach (var inner in Flatten(child!))
                {
                    yield return inner;
                }
            }
        }
    }
}
