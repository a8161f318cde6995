using System.Text.Json.Nodes;
using Decisions.Engine.Serialization;
using Json.Schema;

namespace Decisions.Engine.Tests;

/// <summary>
/// The published customer schema agrees with the engine: every embedded test's customer that the engine takes
/// validates against it, and every one the engine refuses (<c>inputErrors</c>) does not.
/// </summary>
public sealed class CustomerSchemaTests
{
    public static TheoryData<string> RuleSets() => [.. RuleSetFiles.All()];

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void The_schema_accepts_and_refuses_the_customers_the_engine_does(string file)
    {
        var ruleSet = RuleSetFiles.Load(file);
        Assert.All(ruleSet.Tests, test =>
        {
            var refused = test.Expect.InputErrors is { Count: > 0 };
            var valid = IsValid(ruleSet, test.Customer.GetRawText());
            Assert.True(valid != refused, $"{test.Name}: the schema says valid = {valid}.");
        });
    }

    [Theory]
    [InlineData("""{ "customerId": "c1", "balance": 5 }""", true)]
    [InlineData("""{ "customerId": "c1", "balance": 5, "segment": null, "birthDate": null, "tags": null }""", true)]
    [InlineData("""{ "customerId": "c1", "balance": 5, "segment": "private", "tags": ["a"] }""", true)]
    [InlineData("""{ "customerId": "c1" }""", false)]
    [InlineData("""{ "customerId": "c1", "balance": null }""", false)]
    [InlineData("""{ "customerId": "c1", "balance": -1 }""", false)]
    [InlineData("""{ "customerId": "c1", "balance": "5" }""", false)]
    [InlineData("""{ "customerId": "c1", "balance": 5, "balanse": 5 }""", false)]
    [InlineData("""{ "customerId": "c1", "balance": 5, "segment": "corporate" }""", false)]
    [InlineData("""{ "customerId": "c1", "balance": 5, "birthDate": "2026-13-01" }""", false)]
    public void A_field_is_checked_as_the_engine_binds_it(string customer, bool valid)
    {
        var ruleSet = Minimal(input =>
        {
            input["balance"]!["minimum"] = 0;
            input["segment"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("retail", "private") };
        });
        var input = System.Text.Json.JsonDocument.Parse(customer).RootElement;
        var engine = Engine.Compile(ruleSet).Evaluate(input, DateTimeOffset.UnixEpoch);

        Assert.Equal(valid, IsValid(ruleSet, customer));
        Assert.Equal(valid, engine.Problems.Count == 0);
    }

    [Fact]
    public void A_list_without_max_items_is_bounded_as_the_engine_binds_it()
    {
        var ruleSet = Minimal(input => input["tags"]!.AsObject().Remove("maxItems"));

        var tags = CustomerSchema.Of(ruleSet, 7)["properties"]!["tags"]!;

        Assert.Equal(7, tags["maxItems"]!.GetValue<int>());
        Assert.Equal("""["array","null"]""", tags["type"]!.ToJsonString());
    }

    private static Model.RuleSet Minimal(Action<JsonObject> changeInput) =>
        RuleSetJson.Parse(MinimalRuleSet.With(json => changeInput(json["input"]!.AsObject())).ToJsonString()).RuleSet!;

    private static bool IsValid(Model.RuleSet ruleSet, string customer)
    {
        var document = CustomerSchema.Document(ruleSet, 100, $"urn:test:{ruleSet.Name}:{ruleSet.Version}");
        // Formats are assertions here, so a date the engine refuses is refused by the schema too.
        var options = new EvaluationOptions { RequireFormatValidation = true };
        return JsonSchema.FromText(document.ToJsonString()).Evaluate(JsonNode.Parse(customer), options).IsValid;
    }
}
