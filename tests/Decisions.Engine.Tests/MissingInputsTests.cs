using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// Format 2 on the seed rule set of the issue, declared defaults, and the decision's list of the absent inputs
/// that kept a rule from matching.
/// </summary>
public sealed class MissingInputsTests
{
    private static readonly DateTimeOffset AsOf = DateTimeOffset.Parse("2026-03-01T10:00:00+08:00",
        CultureInfo.InvariantCulture);

    [Fact]
    public void A_new_customer_without_transactions_or_products_is_not_negative_with_format_2()
    {
        const string NewCustomer = """{ "customerId": "new-1", "avgDailyBalance": 0 }""";

        var before = Decide(RuleSetFiles.Load("retail-tiering/v1.json"), NewCustomer);
        var after = Decide(RetailTiering(format: 2), NewCustomer);

        Assert.Equal("NEGATIVE", before.Tier.Code);
        Assert.Null(before.MissingInputs);
        Assert.Equal("MASS", after.Tier.Code);
        Assert.Equal(["customer.productsHeld", "customer.monthlyTransactions"], after.MissingInputs!.Intersect(
            ["customer.monthlyTransactions", "customer.productsHeld"]));
    }

    [Fact]
    public void The_same_customer_with_the_inputs_sent_is_negative_in_both_formats()
    {
        const string Known = """{ "customerId": "n", "avgDailyBalance": 0, "monthlyTransactions": 0, "productsHeld": [] }""";

        Assert.Equal("NEGATIVE", Decide(RuleSetFiles.Load("retail-tiering/v1.json"), Known).Tier.Code);
        Assert.Equal("NEGATIVE", Decide(RetailTiering(format: 2), Known).Tier.Code);
    }

    [Fact]
    public void Only_the_absent_inputs_that_made_a_rule_unknown_are_listed()
    {
        // The balance alone makes NEGATIVE false: the absent transactions and products decide nothing.
        const string Rich = """{ "customerId": "r", "avgDailyBalance": 20000, "monthlyTransactions": 3 }""";

        var decision = Decide(RetailTiering(format: 2), Rich);

        Assert.Equal("MASS", decision.Tier.Code);
        Assert.DoesNotContain("customer.productsHeld", decision.MissingInputs!);
        Assert.DoesNotContain("customer.monthlyTransactions", decision.MissingInputs!);
        Assert.Contains("customer.cardSpend12m", decision.MissingInputs!);
    }

    [Fact]
    public void A_format_2_decision_with_every_input_given_lists_none_and_format_1_omits_the_list()
    {
        var decision = MissingValueOperatorTests.Decide(
            "customer.x < 1", 2,
            """{ "customerId": "c", "balance": 5, "x": 0, "n": 0, "flag": false, "name": "Li", "tags": [], "birthDate": "2000-01-01" }""");
        var original = MissingValueOperatorTests.Decide("customer.x < 1", 1);

        Assert.Empty(decision.MissingInputs!);
        Assert.Null(original.MissingInputs);
        Assert.DoesNotContain("missingInputs", JsonSerializer.Serialize(original, JsonSerializerOptions.Web),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_inputs_of_an_unknown_score_are_listed_in_schema_order()
    {
        var decision = MissingValueOperatorTests.Decide("customer.x < 1 || customer.n > 1 || customer.flag", 2);

        Assert.Equal(["customer.x", "customer.n", "customer.flag"], decision.MissingInputs);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void An_absent_field_takes_its_declared_default(int format)
    {
        const string Condition = "customer.x >= 3 && customer.flag && customer.tags.Length == 1";
        var ruleSet = MissingValueOperatorTests.RuleSet(Condition, format, j =>
        {
            j["input"]!["x"]!["default"] = 3;
            j["input"]!["flag"]!["default"] = true;
            j["input"]!["tags"]!["default"] = new JsonArray("a");
        });

        var decision = Decide(ruleSet, """{ "customerId": "c", "balance": 5, "x": null }""");

        Assert.Equal("GOLD", decision.Tier.Code);
        Assert.Equal(6m, decision.Scores["doubled"]);
        Assert.DoesNotContain("customer.x", decision.MissingInputs ?? []);
    }

    [Theory]
    [InlineData("x", "\"three\"", "Expected a number")]
    [InlineData("x", "-1", "below the minimum")]
    [InlineData("balance", "1", "takes no default")]
    [InlineData("tags", "[\"a\", \"b\", \"c\", \"d\"]", "At most 3 items")]
    public void A_default_that_is_no_value_of_its_field_is_refused_at_its_path(string field,
        string value, string message)
    {
        var json = MissingValueOperatorTests.RuleSet("customer.balance > 1", 2, j =>
        {
            j["input"]!["x"]!["minimum"] = 0;
            j["input"]![field]!["default"] = JsonNode.Parse(value);
        });

        var report = Engine.Validator.Validate(RuleSetJson.Serialize(json));

        var problem = Assert.Single(report.Problems);
        Assert.Equal($"input.{field}.default", problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_test_checks_the_missing_inputs()
    {
        var test = JsonNode.Parse("""
            { "name": "unknown x", "asOf": "2026-01-01T00:00:00Z", "customer": { "customerId": "c", "balance": 5 },
              "expect": { "tier": "BASIC", "missingInputs": ["customer.x"] } }
            """)!;
        var json = MissingValueOperatorTests.RuleSet("customer.x > 1", 2, j => j["tests"] = new JsonArray(test));
        var wrong = json with
        {
            Tests = [json.Tests[0] with { Expect = json.Tests[0].Expect with { MissingInputs = [] } }],
        };

        Assert.True(Engine.Validator.Validate(json).IsValid);
        var problem = Assert.Single(Engine.Validator.Validate(wrong).Problems);
        Assert.Contains("expected missing inputs [], got [customer.x]", problem.Message, StringComparison.Ordinal);
    }

    private static RuleSet RetailTiering(int format) =>
        RuleSetFiles.Load("retail-tiering/v1.json") with { Format = format };

    private static Decision Decide(RuleSet ruleSet, string customer)
    {
        var result = Engine.Compile(ruleSet).Evaluate(JsonDocument.Parse(customer).RootElement, AsOf);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Decision!;
    }
}
