using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// Every operator with an absent value, under format 1 (an absent number is 0, a boolean false, a list empty)
/// and format 2 (DMN FEEL: null, and a condition matches only when it is true). The customer sends only
/// <c>customerId</c> and <c>balance</c>; <c>x</c>, <c>n</c>, <c>flag</c>, <c>name</c>, <c>tags</c> and
/// <c>birthDate</c> are absent.
/// </summary>
public sealed class MissingValueOperatorTests
{
    [Theory]
    [InlineData("customer.x < 1", true, false)]
    [InlineData("customer.x >= 1", false, false)]
    [InlineData("!(customer.x >= 1)", true, false)]
    [InlineData("!(customer.x < 1)", false, false)]
    [InlineData("customer.x <= 0 || customer.x > 0", true, false)]
    [InlineData("customer.x == 0", true, false)]
    [InlineData("customer.x != 0", false, true)]
    [InlineData("customer.x + 1 > 0", true, false)]
    [InlineData("customer.x - 1 < 0", true, false)]
    [InlineData("customer.x * 2 == 0", true, false)]
    [InlineData("customer.n / 2 == 0", true, false)]
    [InlineData("-customer.x == 0", true, false)]
    [InlineData("customer.n + customer.x >= 0", true, false)]
    [InlineData("customer.n * 1.5 >= 0", true, false)]
    [InlineData("customer.n + 1 == customer.balance - 4", true, false)]
    [InlineData("Math.Round(customer.x) == 0 || customer.balance > 100", true, false)]
    [InlineData("Math.Max(customer.x, 1) >= 1", true, false)]
    [InlineData("customer.x < 1 && true", true, false)]
    [InlineData("customer.x < 1 && false", false, false)]
    [InlineData("customer.x < 1 || true", true, true)]
    [InlineData("customer.x >= 1 || false", false, false)]
    [InlineData("!(customer.x < 1 && false)", true, true)]
    [InlineData("!(customer.x < 1 || false)", false, false)]
    [InlineData("customer.x < 1 ? true : false", true, false)]
    [InlineData("customer.x < 1 ? false : true", false, true)]
    [InlineData("customer.flag", false, false)]
    [InlineData("!customer.flag", true, false)]
    [InlineData("customer.flag == false", true, false)]
    [InlineData("customer.flag != true", true, true)]
    [InlineData("customer.tags.Length == 0", true, false)]
    [InlineData("customer.tags.Length <= 1", true, false)]
    [InlineData("customer.tags.Any()", false, false)]
    [InlineData("!customer.tags.Any()", true, false)]
    [InlineData("customer.tags.Count() < 1", true, false)]
    [InlineData("!customer.tags.Contains(\"a\")", true, false)]
    [InlineData("customer.tags.All(t => t == \"a\")", true, false)]
    [InlineData("string.IsNullOrEmpty(customer.name)", true, true)]
    [InlineData("customer.name != \"Li\"", true, true)]
    [InlineData("customer.name in (\"Li\", \"Wang\")", false, false)]
    [InlineData("!(customer.name in (\"Li\", \"Wang\"))", true, false)]
    [InlineData("Days.Since(customer.birthDate, today) > 1", false, false)]
    [InlineData("!(Days.Since(customer.birthDate, today) > 1)", true, false)]
    [InlineData("customer.birthDate == null", true, true)]
    [InlineData("customer.birthDate < today", false, false)]
    [InlineData("!(customer.birthDate < today)", true, false)]
    [InlineData("customer.n in (0, 1)", true, false)]
    [InlineData("!(customer.n in (0, 1))", false, false)]
    [InlineData("scores.doubled >= 0", true, false)]
    [InlineData("customer.balance >= 5 && customer.balance < 6", true, true)]
    public void An_absent_value_decides_as_its_format_says(string condition, bool format1, bool format2)
    {
        Assert.Equal(format1 ? "GOLD" : "BASIC", Decide(condition, format: 1).Tier.Code);
        Assert.Equal(format2 ? "GOLD" : "BASIC", Decide(condition, format: 2).Tier.Code);
    }

    [Theory]
    [InlineData("customer.name.Length > 0")]
    [InlineData("customer.name.StartsWith('L')")]
    [InlineData("customer.birthDate.Value.Year > 1900")]
    public void A_member_of_an_absent_text_is_unknown_with_format_2_where_format_1_fails_the_decision(string condition)
    {
        Assert.Equal(DecisionFailure.RuleError, Evaluate(condition, format: 1).Failure);
        Assert.Equal("BASIC", Decide(condition, format: 2).Tier.Code);
        Assert.Equal("BASIC", Decide($"!({condition})", format: 2).Tier.Code);
    }

    [Fact]
    public void A_lambda_whose_value_depends_on_an_absent_input_is_refused_with_format_2()
    {
        const string Condition = "customer.tags.Sum(t => customer.x) > 0";

        Assert.Equal("BASIC", Decide(Condition, format: 1).Tier.Code);
        var problem = Assert.Single(Engine.Compiler.Compile(RuleSet(Condition, 2)).Problems);
        Assert.Equal("tiers.rules[0].when", problem.Path);
        Assert.Contains("inside x => ...", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_values_decide_alike_in_both_formats()
    {
        const string Customer = """{ "customerId": "c", "balance": 5, "x": 0, "n": 0, "flag": false, "tags": [] }""";
        foreach (var condition in new[] { "customer.x < 1", "!customer.flag",
            "customer.tags.Length == 0", "!(customer.x >= 1)" })
        {
            Assert.Equal("GOLD", Decide(condition, 1, Customer).Tier.Code);
            Assert.Equal("GOLD", Decide(condition, 2, Customer).Tier.Code);
        }
    }

    [Fact]
    public void A_score_of_an_absent_value_is_unknown_and_left_out_of_the_scores()
    {
        var decision = Decide("customer.balance > 100", format: 2);

        Assert.False(decision.Scores.ContainsKey("doubled"));
        Assert.Contains(decision.Trace,
            entry => entry is { Section: "scores", Rule: "doubled", Matched: false, Value: null });
        Assert.Equal(0m, Decide("customer.balance > 100", format: 1).Scores["doubled"]);
    }

    [Fact]
    public void A_points_table_looked_up_with_an_absent_value_takes_its_default()
    {
        static decimal Points(int format)
        {
            var ruleSet = RuleSet("customer.balance > 100", format, j => j["scores"] = JsonNode.Parse(
                """{ "rules": [ { "name": "band", "table": { "of": "customer.x", "rows": [ { "min": 0, "points": 5 } ], "default": 1 } } ] }"""));
            var result = Engine.Compile(ruleSet)
                .Evaluate(JsonDocument.Parse("""{ "customerId": "c", "balance": 5 }""").RootElement,
                    DateTimeOffset.UnixEpoch);
            return result.Decision!.Scores["band"];
        }

        Assert.Equal(5m, Points(1));
        Assert.Equal(1m, Points(2));
    }

    internal static Decision Decide(string condition, int format, string? customer = null)
    {
        var result = Evaluate(condition, format, customer);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Decision!;
    }

    internal static DecisionResult Evaluate(string condition, int format, string? customer = null) =>
        Engine.Compile(RuleSet(condition, format)).Evaluate(
            JsonDocument.Parse(customer ?? """{ "customerId": "c", "balance": 5 }""").RootElement,
            DateTimeOffset.Parse("2026-03-01T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture));

    internal static RuleSet RuleSet(string condition, int format, Action<JsonObject>? change = null)
    {
        var json = MinimalRuleSet.With(j =>
        {
            j["format"] = format;
            var input = j["input"]!.AsObject();
            input["x"] = new JsonObject { ["type"] = "number" };
            input["n"] = new JsonObject { ["type"] = "integer" };
            input["flag"] = new JsonObject { ["type"] = "boolean" };
            input["name"] = new JsonObject { ["type"] = "string" };
            j["scores"] = JsonNode.Parse("""{ "rules": [ { "name": "doubled", "expression": "customer.x * 2" } ] }""");
            MinimalRuleSet.Tier(j, 0)["when"] = condition;
            change?.Invoke(j);
        });
        return RuleSetJson.Parse(json.ToJsonString()).RuleSet!;
    }
}
