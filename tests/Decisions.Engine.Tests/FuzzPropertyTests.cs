using System.Text.Json.Nodes;
using Decisions.Engine.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Decisions.Engine.Tests;

/// <summary>
/// Property tests of the parser and the validator: whatever text arrives, they answer with a rule set or
/// with problems that say where (the path of the mutated part, or of a place that exists in the document);
/// they never throw, and every case finishes (the runner would time out on a hang).
/// </summary>
public sealed class FuzzPropertyTests
{
    private static readonly string[] Pieces =
    [
        "customer.balance", "params.goldBalance", "tier", "today", "asOf", "1", "0.5", "\"x\"", "null", "true",
        "(", ")", "[", "]", "{", "}", ".", ",", "+", "-", "*", "/", "%", "==", "!=", ">=", "<",
        "&&", "||", "!", "?", ":",
        "in", "new", "=>", "x", "Length", "Contains(", "Days.Since(", "GetType()", "Math.Max(",
        "\\", "'", "\u4e2d", "\ud800",
    ];

    private static Arbitrary<string> Expressions() =>
        Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Join(" ", parts)).ToArbitrary();

    [Property(MaxTest = 300)]
    public void Any_text_parses_to_a_rule_set_or_a_problem(string text)
    {
        var (ruleSet, problem) = RuleSetJson.Parse(text ?? "");

        Assert.True(ruleSet is not null ^ problem is not null);
        Assert.True(problem is null || problem.Message.Length > 0, "A problem without a message.");
    }

    [Property(MaxTest = 300)]
    public Property Any_expression_validates_or_yields_problems_at_its_path() =>
        Prop.ForAll(Expressions(), expression =>
        {
            var report = Engine.Validator.Validate(MinimalRuleSet.WithTierCondition(expression).ToJsonString());

            AssertProblemsAt(report, "tiers.rules[0].when", "tiers.rules[1].when");
        });

    [Property(MaxTest = 200)]
    public Property Any_template_validates_or_yields_problems_at_its_path() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements("{{", "}}", "customer.customerId", "if", "end", "for", "x", "in", "=", "|",
                "math.format", "\"N2\"", "tier.code", "..", "date.now", "func", "ret", "else", "中文"))
            .Select(p => string.Join(" ", p))
            .ToArbitrary(), template =>
        {
            var report = Engine.Validator.Validate(
                MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template).ToJsonString());

            AssertProblemsAt(report, "nextActions.rules[0].message");
        });

    [Property(MaxTest = 200)]
    public Property Any_value_in_any_place_of_a_valid_rule_set_validates_or_yields_problems_at_places_in_the_document() =>
        Prop.ForAll(Gen.Choose(0, 1000).ToArbitrary(),
            Gen.Elements<JsonNode?>(null, 0, -1, 1e30, "", "x", true, new JsonArray(), new JsonObject()).ToArbitrary(),
            (seed, value) =>
        {
            var json = MinimalRuleSet.Json();
            var nodes = Flatten(json).ToList();
            var (parent, key) = nodes[seed % nodes.Count];
            parent[key] = value?.DeepClone();
            var report = Engine.Validator.Validate(json.ToJsonString());

            foreach (var problem in report.Problems)
            {
                Assert.True(problem.Message.Length > 0, $"A problem at '{problem.Path}' has no message.");
                Assert.True(
                    Locates(json, problem.Path),
                    $"'{problem.Path}' ({problem.Message}) is not a place in the document.");
            }
        });

    /// <summary>
    /// Every problem is at the path of the part that was fuzzed (or, for an expression, of a rule it makes
    /// unreachable), except failures of the embedded tests that a well-formed change may cause; a part that
    /// does not compile is reported at its own path.
    /// </summary>
    private static void AssertProblemsAt(Validation.ValidationReport report, params string[] paths)
    {
        foreach (var problem in report.Problems)
        {
            Assert.True(problem.Message.Length > 0, $"A problem at '{problem.Path}' has no message.");
            Assert.True(paths.Contains(problem.Path) || problem.Path.StartsWith("tests[", StringComparison.Ordinal),
                $"Problem at '{problem.Path}' ({problem.Message}), expected at {string.Join(" or ", paths)}.");
        }

        Assert.True(report.Compiled is not null || report.Problems.Any(p => paths.Contains(p.Path)),
            $"Not compiled, yet no problem at {string.Join(" or ", paths)}: {string.Join("; ", report.Problems)}");
    }

    /// <summary>
    /// Whether <paramref name="path"/> names a node of <paramref name="root"/> or a missing member of one.
    /// </summary>
    private static bool Locates(JsonNode root, string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        JsonNode? node = root;
        var segments = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            JsonNode? next = !segment.StartsWith('[')
                ? node is JsonObject obj && obj.TryGetPropertyValue(segment, out var child) ? child : null
                : node is JsonArray array && int.TryParse(segment[1..^1], out var at) && at < array.Count
                    ? array[at]
                    : null;
            if (next is null)
            {
                // A missing or null member of an object that exists is a place too (a required value is absent).
                return i == segments.Length - 1 && node is JsonObject;
            }

            node = next;
        }

        return true;
    }

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
