using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// Inputs are taken exactly as written or refused with their path: never read by the host, never rounded.
/// </summary>
public sealed class ExactInputTests
{
    [Theory]
    [InlineData("2026-06-14T20:00:00")]
    [InlineData("2026-06-14T20:00")]
    [InlineData("2026-06-14")]
    [InlineData("2026-06-14T20:00:00+0800")]
    [InlineData("2026-06-14t20:00:00z")]
    public void An_embedded_test_whose_asOf_has_no_offset_is_refused_at_its_path(string asOf) =>
        ValidationTests.AssertProblem(
            MinimalRuleSet.With(j => j["tests"]![0]!["asOf"] = asOf), "tests[0].asOf", Rfc3339TimeConverter.Expected);

    [Fact]
    public void A_rule_set_time_without_an_offset_is_refused_at_its_path() =>
        ValidationTests.AssertProblem(
            MinimalRuleSet.With(j => j["createdAt"] = "2026-01-01T00:00:00"), "createdAt",
            Rfc3339TimeConverter.Expected);

    [Theory]
    [InlineData("2026-06-14T20:00:00Z", "2026-06-14T20:00:00+00:00")]
    [InlineData("2026-06-14T20:00:00.5+08:00", "2026-06-14T12:00:00.5+00:00")]
    [InlineData("2026-06-14T20:00:00-05:30", "2026-06-15T01:30:00+00:00")]
    public void A_time_with_an_offset_is_read_as_that_instant(string text, string utc)
    {
        Assert.True(Rfc3339TimeConverter.TryParse(text, out var value));

        var written = value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        Assert.Equal(utc, written);
    }

    [Theory]
    [InlineData(TooPrecise, "more than 28 significant digits")]
    [InlineData("1.0000000000000000000000000001", "more than 28 significant digits")]
    [InlineData("0.00000000000000000000000000001", "more than 28 decimal places")]
    [InlineData("1e-29", "more than 28 decimal places")]
    public void A_customer_number_that_a_decimal_would_round_is_refused_at_its_path(string number, string reason)
    {
        var ruleSet = Engine.Compile(RuleSetJson.Parse(MinimalRuleSet.Json().ToJsonString()).RuleSet!);

        var result = ruleSet.Evaluate(Customer($$"""{ "customerId": "c1", "balance": {{number}} }"""), Now);

        Assert.Null(result.Decision);
        Assert.Contains(
            result.Problems, p => p.Path == "customer.balance" && p.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("499999.99")]
    [InlineData("1E+3")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("1000.000000000000000000000000000000000")]
    [InlineData("-79228162514264337593543950.35")]
    public void A_number_a_decimal_holds_exactly_is_taken_from_customer_and_parameters(string number)
    {
        var json = MinimalRuleSet.With(j => j["parameters"]!["goldBalance"]!["value"] = JsonNode.Parse(number));
        var ruleSet = Engine.Compile(RuleSetJson.Parse(json.ToJsonString()).RuleSet!);

        var result = ruleSet.Evaluate(Customer($$"""{ "customerId": "c1", "balance": {{number}} }"""), Now);

        Assert.Empty(result.Problems);
        Assert.Equal("GOLD", result.Decision!.Tier.Code);
    }

    [Fact]
    public void A_parameter_number_that_a_decimal_would_round_is_refused_at_its_path() =>
        ValidationTests.AssertProblem(
            MinimalRuleSet.With(j => j["parameters"]!["goldBalance"]!["value"] = JsonNode.Parse(TooPrecise)),
            "parameters.goldBalance.value",
            "more than 28 significant digits");

    [Theory]
    [InlineData("""["fund", "Settlement"]""", "customer.tags[1]", "'Settlement' is not one of: fund, deposit, loan.")]
    [InlineData("""["fund", "fund"]""", "customer.tags[1]", "'fund' is listed more than once.")]
    [InlineData("""["loan", 7]""", "customer.tags", "Item 1 is not a text.")]
    public void A_code_list_item_outside_the_list_or_repeated_is_refused_at_its_path(
        string tags, string path, string reason)
    {
        var ruleSet = Engine.Compile(RuleSetJson.Parse(CodeList().ToJsonString()).RuleSet!);

        var result = ruleSet.Evaluate(Customer($$"""{ "customerId": "c1", "balance": 1, "tags": {{tags}} }"""), Now);

        Assert.Null(result.Decision);
        Assert.Equal([new Model.Problem(path, reason)], result.Problems);
    }

    [Fact]
    public void A_code_list_with_distinct_known_items_is_taken()
    {
        var ruleSet = Engine.Compile(RuleSetJson.Parse(CodeList().ToJsonString()).RuleSet!);

        var result = ruleSet.Evaluate(
            Customer("""{ "customerId": "c1", "balance": 1, "tags": ["loan", "fund"] }"""), Now);

        Assert.Equal("BASIC", result.Decision!.Tier.Code);
    }

    [Theory]
    [InlineData("items", """{ "enum": ["a"] }""")]
    [InlineData("uniqueItems", "true")]
    public void Item_constraints_belong_to_list_fields_only(string option, string value) =>
        ValidationTests.AssertProblem(
            MinimalRuleSet.With(j => j["input"]!["customerId"]![option] = JsonNode.Parse(value)),
            $"input.customerId.{option}",
            $"Only string[] fields can have {option}.");

    private const string TooPrecise = "499999.999999999999999999999999";

    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static JsonElement Customer(string json) => JsonDocument.Parse(json).RootElement;

    private static JsonObject CodeList() => MinimalRuleSet.With(j =>
    {
        j["input"]!["tags"]!["items"] = JsonNode.Parse("""{ "enum": ["fund", "deposit", "loan"] }""");
        j["input"]!["tags"]!["uniqueItems"] = true;
    });
}
