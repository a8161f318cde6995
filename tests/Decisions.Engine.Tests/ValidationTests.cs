using System.Text.Json.Nodes;
using Decisions.Engine.Model;

namespace Decisions.Engine.Tests;

/// <summary>Validation finds every class of bad rule set and names the JSON path of each problem.</summary>
public sealed class ValidationTests
{
    [Fact]
    public void The_minimal_rule_set_is_valid()
    {
        var report = Engine.Validator.Validate(MinimalRuleSet.Json().ToJsonString());

        Assert.True(report.IsValid, string.Join("; ", report.Problems));
        Assert.Equal(1, report.Tests!.Passed);
    }

    [Fact]
    public void A_syntax_error_is_reported_at_its_rule() =>
        AssertProblem(MinimalRuleSet.WithTierCondition("customer.balance >= "), "tiers.rules[0].when");

    [Theory]
    [InlineData("\"x\" == asOf")]
    [InlineData("customer.balance > 99999999999999999999999999999999999999")]
    public void A_literal_the_parser_cannot_convert_is_reported_not_thrown(string expression) =>
        AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when");

    [Fact]
    public void An_unknown_customer_field_is_reported_by_name() =>
        AssertProblem(MinimalRuleSet.WithTierCondition("customer.balanse >= 1"), "tiers.rules[0].when", "balanse");

    [Fact]
    public void An_unknown_parameter_is_reported_by_name() =>
        AssertProblem(MinimalRuleSet.WithTierCondition("customer.balance >= params.silverBalance"),
            "tiers.rules[0].when", "silverBalance");

    [Fact]
    public void A_condition_that_is_not_boolean_is_reported() =>
        AssertProblem(MinimalRuleSet.WithTierCondition("customer.balance + 1"), "tiers.rules[0].when", "true or false");

    [Fact]
    public void Tiers_cannot_read_the_tier_they_decide() =>
        AssertProblem(MinimalRuleSet.WithTierCondition("tier == \"GOLD\""), "tiers.rules[0].when", "tier");

    [Fact]
    public void Duplicate_codes_are_reported() =>
        AssertProblem(MinimalRuleSet.With(j => MinimalRuleSet.Tier(j, 1)["code"] = "GOLD"),
            "tiers.rules[1].code", "used twice");

    [Fact]
    public void A_rule_after_a_catch_all_is_unreachable() =>
        AssertProblem(
            MinimalRuleSet.With(j => j["tiers"]!["rules"]!.AsArray()
                .Add(JsonNode.Parse(
                    """{ "code": "LATE", "label": { "zh-CN": "晚" }, "when": "customer.balance > 5" }"""))),
            "tiers.rules[2].when",
            "Unreachable");

    [Fact]
    public void Tiers_without_a_catch_all_are_reported() =>
        AssertProblem(MinimalRuleSet.With(j => MinimalRuleSet.Tier(j, 1)["when"] = "customer.balance < 1000"),
            "tiers.rules[1].when", "every customer");

    [Fact]
    public void A_template_that_does_not_parse_is_reported() =>
        AssertProblem(MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = "Hello {{ if }}"),
            "nextActions.rules[0].message");

    [Theory]
    [InlineData("{{ x = 1 }}", "assigning")]
    [InlineData("{{ for i in 1..1000000000 }}x{{ end }}", "ranges")]
    [InlineData("{{ func f; ret 1; end }}", "functions")]
    [InlineData("{{ while true }}x{{ end }}", "while")]
    public void A_template_that_could_run_without_bound_is_rejected(string template, string reason) =>
        AssertProblem(MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template),
            "nextActions.rules[0].message", reason);

    [Fact]
    public void A_failing_embedded_test_is_reported_with_its_index() =>
        AssertProblem(MinimalRuleSet.With(j => j["tests"]![0]!["expect"]!["tier"] = "BASIC"), "tests[0]",
            "expected tier 'BASIC', got 'GOLD'");

    [Fact]
    public void A_parameter_value_of_the_wrong_type_is_reported() =>
        AssertProblem(MinimalRuleSet.With(j => j["parameters"]!["goldBalance"]!["value"] = "a lot"),
            "parameters.goldBalance.value", "number");

    [Fact]
    public void An_unknown_property_in_the_file_is_reported_with_its_path() =>
        AssertProblem(MinimalRuleSet.With(j => MinimalRuleSet.Tier(j, 0)["whenn"] = "true"), "tiers.rules[0].whenn");

    [Fact]
    public void A_missing_required_property_is_reported() =>
        AssertProblem(MinimalRuleSet.With(j => MinimalRuleSet.Tier(j, 0).AsObject().Remove("when")),
            "tiers.rules[0]", "when");

    [Fact]
    public void A_score_may_read_only_the_scores_above_it()
    {
        var json = MinimalRuleSet.With(j => j["scores"] = JsonNode.Parse("""
            { "rules": [ { "name": "a", "expression": "scores.b + 1" }, { "name": "b", "expression": "customer.balance" } ] }
            """));

        AssertProblem(json, "scores.rules[0].expression", "scores.b");
    }

    [Theory]
    [InlineData("input", "balance", "input.balance")]
    [InlineData("parameters", "goldBalance", "parameters.goldBalance")]
    public void A_null_definition_is_a_problem_not_a_crash(string section, string key, string path) =>
        AssertProblem(MinimalRuleSet.With(j => j[section]![key] = null), path, "not null");

    [Fact]
    public void A_null_rule_in_a_list_is_a_problem_not_a_crash() =>
        AssertProblem(MinimalRuleSet.With(j => j["privileges"]!["rules"]!.AsArray().Insert(0, null)),
            "privileges.rules[0]", "not null");

    [Theory]
    [InlineData(900, null, "below the minimum 950")]
    [InlineData(1100, "1050", "above the maximum 1050")]
    public void A_parameter_outside_its_bounds_is_refused(int value, string? maximum, string reason) =>
        AssertProblem(
            MinimalRuleSet.With(j => j["parameters"]!["goldBalance"] = JsonNode.Parse(
                $$"""{ "type": "number", "value": {{value}}, "minimum": 950, "maximum": {{maximum ?? "2000"}} }""")),
            "parameters.goldBalance.value",
            reason);

    [Fact]
    public void A_parameter_within_its_bounds_is_valid_and_only_numbers_have_bounds()
    {
        var bounded = MinimalRuleSet.With(j => j["parameters"]!["goldBalance"] = JsonNode.Parse(
            """{ "type": "number", "value": 1000, "minimum": 1000, "maximum": 1000 }"""));
        Assert.True(Engine.Validator.Validate(bounded.ToJsonString()).IsValid);

        AssertProblem(
            MinimalRuleSet.With(j => j["parameters"]!["name"] =
                JsonNode.Parse("""{ "type": "string", "value": "x", "minimum": 1 }""")),
            "parameters.name",
            "Only numbers and integers");
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var json = MinimalRuleSet.With(j =>
        {
            MinimalRuleSet.Tier(j, 0)["when"] = "customer.nope";
            j["privileges"]!["rules"]![0]!["when"] = "params.nope";
        });

        var report = Engine.Validator.Validate(json.ToJsonString());

        Assert.Contains(report.Problems, p => p.Path == "tiers.rules[0].when");
        Assert.Contains(report.Problems, p => p.Path == "privileges.rules[0].when");
    }

    internal static IReadOnlyList<Problem> AssertProblem(JsonObject json, string path, string? messageContains = null)
    {
        var report = Engine.Validator.Validate(json.ToJsonString());

        Assert.False(report.IsValid);
        Assert.Contains(report.Problems,
            p =>
                p.Path == path
                    && (messageContains is null || p.Message.Contains(messageContains, StringComparison.Ordinal)));

        return report.Problems;
    }
}
