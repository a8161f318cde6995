using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Tests;

/// <summary>A customer input is checked against the rule set's input schema before any rule runs.</summary>
public sealed class InputSchemaTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<Compilation.CompiledRuleSet> Minimal = new(() =>
        Engine.Compile(Serialization.RuleSetJson.Parse(MinimalRuleSet.Json().ToJsonString()).RuleSet!));

    [Fact]
    public void Every_offending_field_is_listed_with_its_path()
    {
        var result = Evaluate(
            """{ "balance": "1000", "birthDate": "2026-13-01", "tags": ["a", 1], "colour": "red" }""");

        Assert.Equal(DecisionFailure.InvalidInput, result.Failure);
        Assert.Equal(
            ["customer.balance", "customer.birthDate", "customer.colour", "customer.customerId", "customer.tags"],
            result.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Empty(result.Trace);
    }

    [Fact]
    public void Null_for_a_required_field_is_missing()
    {
        var result = Evaluate("""{ "customerId": "c", "balance": null }""");

        Assert.Equal("customer.balance", Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Absent_optional_fields_take_empty_values()
    {
        var result = Evaluate("""{ "customerId": "c", "balance": 5, "birthDate": null }""");

        Assert.True(result.Succeeded);
        Assert.Equal("BASIC", result.Decision!.Tier.Code);
    }

    [Fact]
    public void A_list_longer_than_its_max_items_is_rejected()
    {
        var result = Evaluate("""{ "customerId": "c", "balance": 5, "tags": ["a", "b", "c", "d"] }""");

        Assert.Contains("At most 3", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_character_in_text_is_rejected_because_no_store_or_log_keeps_it_faithfully()
    {
        var result = Evaluate("""{ "customerId": "R\u00001", "balance": 5, "tags": ["a\u0000"] }""");

        Assert.Equal(DecisionFailure.InvalidInput, result.Failure);
        Assert.Equal(["customer.customerId", "customer.tags"], result.Problems.Select(p => p.Path).Order());
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_customer_that_is_not_an_object_is_rejected(string customer) =>
        Assert.Equal("customer", Assert.Single(Evaluate(customer).Problems).Path);

    [Fact]
    public void A_version_refuses_to_decide_outside_its_effective_window()
    {
        var json = MinimalRuleSet.With(j => j["effective"] = JsonSerializer.SerializeToNode(new {
            from = "2027-01-01T00:00:00Z" }));
        var compiled = Engine.Compile(Serialization.RuleSetJson.Parse(json.ToJsonString()).RuleSet!);

        var result = compiled.Evaluate(JsonDocument.Parse("""{ "customerId": "c", "balance": 5 }""").RootElement, AsOf);

        Assert.Equal(DecisionFailure.NotEffective, result.Failure);
    }

    private static DecisionResult Evaluate(string customer) =>
        Minimal.Value.Evaluate(JsonDocument.Parse(customer).RootElement, AsOf);
}
