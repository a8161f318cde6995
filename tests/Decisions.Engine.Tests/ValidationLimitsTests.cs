using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Decisions.Engine.Tests;

/// <summary>
/// Validation finishes within a documented time because the sizes that drive it are limited: a rule set over
/// a limit is refused before anything is compiled, with the path of what is too big; one at every limit
/// validates. The time is written to the test output, not asserted.
/// </summary>
public sealed class ValidationLimitsTests(ITestOutputHelper output)
{
    [Fact]
    public void A_rule_set_with_8000_score_rules_is_refused_at_the_score_rules()
    {
        var json = LargeRuleSet.WithScores(8_000);

        ValidationTests.AssertProblem(json, "scores.rules", "at most 100 score rules; this one has 8000");
    }

    [Fact]
    public void A_points_table_with_too_many_rows_is_refused_at_its_rows()
    {
        var json = MinimalRuleSet.With(j => j["scores"] = new JsonObject
        {
            ["rules"] = new JsonArray(new JsonObject
            {
                ["name"] = "s0",
                ["table"] = new JsonObject
                {
                    ["of"] = "customer.balance",
                    ["rows"] = new JsonArray(
                        [.. Enumerable.Range(0, 101)
                            .Select(r => (JsonNode)new JsonObject { ["min"] = r, ["points"] = r })]),
                },
            }),
        });

        ValidationTests.AssertProblem(json, "scores.rules[0].table.rows", "at most 100 rows");
    }

    [Fact]
    public void Too_many_embedded_tests_are_refused_at_the_tests()
    {
        var json = MinimalRuleSet.With(j =>
        {
            var test = j["tests"]![0]!;
            j["tests"] = new JsonArray([.. Enumerable.Range(0, 101).Select(_ => test.DeepClone())]);
        });

        ValidationTests.AssertProblem(json, "tests", "at most 100 tests");
    }

    [Fact]
    public void Too_many_input_fields_are_refused_at_the_input()
    {
        var json = MinimalRuleSet.With(j =>
        {
            for (var i = 0; i < 200; i++)
            {
                j["input"]![$"f{i}"] = new JsonObject { ["type"] = "number" };
            }
        });

        ValidationTests.AssertProblem(json, "input", "at most 200 input fields");
    }

    [Fact]
    public void A_rule_set_text_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var json = MinimalRuleSet.With(j => j["description"] = new string('x', 1_000_000)).ToJsonString();

        var problem = Assert.Single(Engine.Validator.Validate(json).Problems);

        Assert.Equal("", problem.Path);
        Assert.Contains("the limit is 1000000", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_set_at_every_limit_validates_and_then_decides_normally()
    {
        var json = LargeRuleSet.AtTheLimits(new DecisionEngineOptions()).ToJsonString();

        var started = Stopwatch.GetTimestamp();
        var report = Engine.Validator.Validate(json);
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine($"{json.Length} characters validated in {elapsed.TotalMilliseconds:F0} ms");

        Assert.True(report.IsValid, string.Join("\n", report.Problems.Select(p => $"{p.Path}: {p.Message}")));
        var customer = JsonDocument.Parse("""{ "customerId": "c", "balance": 5, "f5": 6, "tags": ["p5"] }""");
        var asOf = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var decision = report.Compiled!.Evaluate(customer.RootElement, asOf).Decision!;
        Assert.Equal("R5", decision.Tier.Code);
        Assert.Equal(["R5"], decision.Privileges.Select(p => p.Code));
        Assert.Equal("R5", decision.NextAction!.Code);
    }
}
