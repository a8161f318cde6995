using System.Text.Json;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// A rule that throws at evaluation fails the decision and names the rule; it is never read as "false".
/// </summary>
public sealed class EvaluationErrorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_privilege_that_throws_fails_the_decision_and_is_named_in_the_trace()
    {
        var compiled = Compile(j => j["privileges"]!["rules"]![0]!["when"] = "customer.tags[5] == \"x\"");

        var result = compiled.Evaluate(Customer("""{ "customerId": "c", "balance": 5000, "tags": [] }"""), AsOf);

        Assert.Equal(DecisionFailure.RuleError, result.Failure);
        Assert.Equal("privileges.LOUNGE", Assert.Single(result.Problems).Path);
        Assert.Contains(result.Trace, entry => entry is { Section: "privileges", Rule: "LOUNGE", Error: not null });
        Assert.Contains(result.Trace, entry => entry is { Section: "tiers", Rule: "GOLD", Matched: true });
    }

    [Fact]
    public void A_tier_that_throws_stops_the_decision_at_that_tier()
    {
        var compiled = Compile(j => j["tiers"]!["rules"]![0]!["when"] = "customer.tags[0] == \"gold\"");

        var result = compiled.Evaluate(Customer("""{ "customerId": "c", "balance": 5 }"""), AsOf);

        Assert.Equal(DecisionFailure.RuleError, result.Failure);
        Assert.Equal("tiers.GOLD", Assert.Single(result.Problems).Path);
        Assert.DoesNotContain(result.Trace, entry => entry.Rule == "BASIC");
    }

    [Fact]
    public void The_same_rule_set_decides_normally_when_nothing_throws()
    {
        var compiled = Compile(
            j => j["privileges"]!["rules"]![0]!["when"] = "customer.tags.Length > 0 && customer.tags[0] == \"x\"");

        var result = compiled.Evaluate(Customer("""{ "customerId": "c", "balance": 5000, "tags": ["x"] }"""), AsOf);

        Assert.Equal(["LOUNGE"], result.Decision!.Privileges.Select(p => p.Code));
        Assert.Equal(
            ["tiers:GOLD:True", "privileges:LOUNGE:True", "nextActions:CALL:True"],
            result.Trace.Select(t => $"{t.Section}:{t.Rule}:{t.Matched}"));
    }

    [Fact]
    public void Quadratic_work_over_a_long_list_is_stopped_by_the_evaluation_budget()
    {
        var compiled = Compile(j =>
        {
            j["input"]!["tags"]!["maxItems"] = 100_000;
            j["privileges"]!["rules"]![0]!["when"] = "customer.tags.Any(a => customer.tags.Any(b => a == b + \"!\"))";
        });
        var tags = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"t{i}\""));

        var result = compiled.Evaluate(
            Customer($$"""{ "customerId": "c", "balance": 5000, "tags": [{{tags}}] }"""), AsOf);

        Assert.Equal(DecisionFailure.RuleError, result.Failure);
        Assert.Contains("evaluation budget", Assert.Single(result.Problems, p => p.Path == "privileges.LOUNGE").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_budget_is_per_decision_so_the_next_decision_starts_with_all_of_it()
    {
        var compiled = Compile(
            j =>
                j["privileges"]!["rules"]![0]!["when"] =
                    "customer.tags.Any(a => customer.tags.Any(b => a == b + \"!\"))");
        var customer = Customer("""{ "customerId": "c", "balance": 5000, "tags": ["x", "x!", "y"] }""");

        var results = Enumerable.Range(0, 50_000).Select(_ => compiled.Evaluate(customer, AsOf)).ToList();

        Assert.All(results, r => Assert.Equal(["LOUNGE"], r.Decision!.Privileges.Select(p => p.Code)));
    }

    private static Compilation.CompiledRuleSet Compile(Action<System.Text.Json.Nodes.JsonObject> change) =>
        Engine.Compile(RuleSetJson.Parse(MinimalRuleSet.With(change).ToJsonString()).RuleSet!);

    private static JsonElement Customer(string json) => JsonDocument.Parse(json).RootElement;
}
