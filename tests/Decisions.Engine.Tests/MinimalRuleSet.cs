using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests;

/// <summary>The <c>TestData/minimal.json</c> rule set as a JSON tree that a test changes in one place.</summary>
internal static class MinimalRuleSet
{
    public static JsonObject Json() => JsonNode.Parse(RuleSetFiles.TestData("minimal.json"))!.AsObject();

    public static JsonObject With(Action<JsonObject> change)
    {
        var json = Json();
        change(json);
        return json;
    }

    public static JsonObject WithTierCondition(string when) =>
        With(json => json["tiers"]!["rules"]![0]!["when"] = when);

    public static JsonNode Tier(JsonObject json, int index) => json["tiers"]!["rules"]![index]!;
}
