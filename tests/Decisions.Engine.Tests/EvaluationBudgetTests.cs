using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// Every unit of work an expression does is charged to its decision: elements visited by list methods,
/// characters read by text methods, lambda calls. A decision that runs out of steps or time, or whose request
/// is cancelled, fails with a rule error naming the rule and the reason; the next decision is answered normally.
/// </summary>
public sealed class EvaluationBudgetTests
{
    private const string DistinctPerItem = "params.lst.Any(a => params.lst.Distinct().Count() < 0)";
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly JsonElement Normal = Customer("""{ "customerId": "c", "balance": 5000 }""");

    [Fact]
    public void A_list_method_inside_a_lambda_over_a_list_parameter_is_stopped_by_the_budget()
    {
        var compiled = Compile(new DecisionEngineOptions(), WithList(1_000, DistinctPerItem));

        var result = compiled.Evaluate(Normal, AsOf);

        AssertStopped(result, "evaluation budget");
    }

    [Fact]
    public void Validating_that_rule_fails_its_embedded_test_with_the_reason_instead_of_running_on()
    {
        var report = Engine.Validator.Validate(WithList(1_000, DistinctPerItem).ToJsonString());

        Assert.Contains(report.Problems, p =>
            p.Path == "tests[0]" && p.Message.Contains("evaluation budget", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_methods_spend_by_the_length_of_the_text_they_read()
    {
        var compiled = Compile(new DecisionEngineOptions(), MinimalRuleSet.With(j =>
        {
            j["input"]!["tags"]!["maxItems"] = 100;
            j["privileges"]!["rules"]![0]!["when"] = "customer.tags.Any(a => a.ToUpperInvariant().Contains(\"ZZ\"))";
        }));
        var tags = string.Join(",", Enumerable.Repeat($"\"{new string('a', 4_000)}\"", 100));

        var customer = Customer($$"""{ "customerId": "c", "balance": 5000, "tags": [{{tags}}] }""");

        var result = compiled.Evaluate(customer, AsOf);

        AssertStopped(result, "evaluation budget");
    }

    [Fact]
    public void A_decision_past_the_time_limit_is_stopped_with_that_reason()
    {
        var compiled = Compile(WithoutStepLimit(TimeSpan.Zero), WithList(1_000, DistinctPerItem));

        var result = compiled.Evaluate(Normal, AsOf);

        AssertStopped(result, "time limit");
    }

    [Fact]
    public void A_cancelled_request_stops_its_decision_with_that_reason()
    {
        var compiled = Compile(WithoutStepLimit(TimeSpan.FromMinutes(1)), WithList(1_000, DistinctPerItem));

        var result = compiled.Evaluate(Normal, AsOf, new CancellationToken(canceled: true));

        AssertStopped(result, "cancelled");
    }

    [Fact]
    public async Task A_normal_decision_by_the_same_rule_set_during_and_after_an_expensive_one_is_answered()
    {
        var compiled = Compile(new DecisionEngineOptions(),
            WithList(1_000, $"customer.balance > 100 || {DistinctPerItem}"));
        var expensive = Task.Run(() => compiled.Evaluate(Customer("""{ "customerId": "c", "balance": 5 }"""), AsOf));

        var during = compiled.Evaluate(Normal, AsOf);
        var stopped = await expensive;
        var after = compiled.Evaluate(Normal, AsOf);

        AssertStopped(stopped, "evaluation budget");
        Assert.All([during, after], r => Assert.Equal(["LOUNGE"], r.Decision!.Privileges.Select(p => p.Code)));
    }

    [Fact]
    public void Explaining_an_OR_that_held_reads_its_other_branches_on_a_budget_of_its_own_and_leaves_out_what_it_cannot_afford()
    {
        var compiled = Compile(new DecisionEngineOptions(),
            WithList(1_000, $"customer.balance > 100 || {DistinctPerItem}"));

        var decision = compiled.Evaluate(Normal, AsOf).Decision!;

        var lounge = decision.Reasons.Single(reason => reason.Rule == "LOUNGE").Condition;
        Assert.Equal(["customer.balance = 5000 > 100"], lounge.Parts!.Select(part => part.Text));
    }

    [Fact]
    public void A_list_parameter_longer_than_the_limit_is_refused_at_validation_with_its_path()
    {
        ValidationTests.AssertProblem(WithList(30_000, DistinctPerItem), "parameters.lst.value", "At most 1000 items");
    }

    internal static JsonObject WithList(int items, string when) => MinimalRuleSet.With(j =>
    {
        j["parameters"]!["lst"] = new JsonObject
        {
            ["type"] = "string[]",
            ["value"] = new JsonArray([.. Enumerable.Range(0, items).Select(i => (JsonNode)$"item{i}")]),
        };
        j["privileges"]!["rules"]![0]!["when"] = when;
    });

    private static DecisionEngineOptions WithoutStepLimit(TimeSpan time) =>
        new() { MaxEvaluationSteps = long.MaxValue, MaxEvaluationTime = time };

    private static void AssertStopped(DecisionResult result, string reason)
    {
        Assert.Equal(DecisionFailure.RuleError, result.Failure);
        var problem = Assert.Single(result.Problems, p => p.Path == "privileges.LOUNGE");
        Assert.Contains(reason, problem.Message, StringComparison.Ordinal);
    }

    private static CompiledRuleSet Compile(DecisionEngineOptions options, JsonObject json)
    {
        var result = new RuleSetCompiler(options).Compile(RuleSetJson.Parse(json.ToJsonString()).RuleSet!);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return result.RuleSet!;
    }

    private static JsonElement Customer(string json) => JsonDocument.Parse(json).RootElement;
}
