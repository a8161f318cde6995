using System.Text.Json.Nodes;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>A rule-set file that does not parse is refused in the terms of its JSON, never with .NET's names.</summary>
public sealed class JsonReadErrorTests
{
    [Theory]
    [InlineData("bogus", "1", "bogus", "'bogus' is not a property of this object.")]
    [InlineData("version", "\"two\"", "version", "The value has the wrong type.")]
    [InlineData("name", "null", "name", "The value may not be null.")]
    public void A_refused_file_names_the_path_and_the_reason_in_json_terms(
        string property, string value, string path, string reason)
    {
        var json = MinimalRuleSet.Json();
        json[property] = JsonNode.Parse(value);

        var (ruleSet, problem) = RuleSetJson.Parse(json.ToJsonString());

        Assert.Null(ruleSet);
        Assert.Equal(path, problem!.Path);
        Assert.Equal(reason, problem.Message);
    }

    [Fact]
    public void A_missing_required_property_is_named()
    {
        var json = MinimalRuleSet.Json();
        json.Remove("name");

        var problem = RuleSetJson.Parse(json.ToJsonString()).Problem!;

        Assert.Equal("Required properties are missing: 'name'.", problem.Message);
        Assert.False(JsonReadError.NamesDotNet(problem.Message));
    }
}
