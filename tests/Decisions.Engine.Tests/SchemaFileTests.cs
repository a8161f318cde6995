using System.Text.Json.Nodes;
using Json.Schema;

namespace Decisions.Engine.Tests;

/// <summary><c>rulesets/ruleset.schema.json</c> describes the format editors validate against as they type.</summary>
public sealed class SchemaFileTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(
        RuleSetFiles.RuleSetsFolder, "ruleset.schema.json")));

    public static TheoryData<string> RuleSets() => [.. RuleSetFiles.All()];

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Every_seed_rule_set_conforms_to_the_schema(string file)
    {
        var result = Schema.Evaluate(JsonNode.Parse(RuleSetFiles.Read(file)),
            new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid,
            string.Join("\n",
                result.Details.Where(d => d.HasErrors)
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_rejects_an_unknown_property_and_a_bad_code()
    {
        var json = MinimalRuleSet.With(j =>
        {
            j["colour"] = "blue";
            MinimalRuleSet.Tier(j, 0)["code"] = "gold";
        });

        Assert.False(Schema.Evaluate(json).IsValid);
    }
}
