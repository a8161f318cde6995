using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests;

/// <summary>
/// What version 2 of the seeds promises beyond its embedded tests: the bounds the documents set on its parameters.
/// </summary>
public sealed class SeedVersionTwoTests
{
    // 003: 可按此标准适当乘以0.9—0.8的系数. An editor may move a factor within that range, not out of it.
    [Theory]
    [InlineData("cityGroup2Factor", 0.95, true)]
    [InlineData("cityGroup2Factor", 0.75, true)]
    [InlineData("cityGroup3Factor", 1.0, true)]
    [InlineData("cityGroup3Factor", 0.85, false)]
    [InlineData("cityGroup2Factor", 0.8, false)]
    public void A_city_group_factor_outside_0_8_to_0_9_is_refused(string factor, double value, bool refused)
    {
        var json = JsonNode.Parse(RuleSetFiles.Read("big-customer-revenue/v2.json"))!.AsObject();
        json["parameters"]![factor]!["value"] = value;

        var report = Engine.Validator.Validate(json.ToJsonString());

        Assert.Equal(refused, report.Problems.Any(p => p.Path == $"parameters.{factor}.value"));
        Assert.False(report.IsValid && refused);
    }

    [Fact]
    public void The_registration_ratio_is_a_fraction_of_the_line()
    {
        var json = JsonNode.Parse(RuleSetFiles.Read("big-customer-revenue/v2.json"))!.AsObject();
        json["parameters"]!["registrationRatio"]!["value"] = 1.2;

        var report = Engine.Validator.Validate(json.ToJsonString());

        Assert.Contains(report.Problems, p => p.Path == "parameters.registrationRatio.value"
            && p.Message.Contains("above the maximum 1", StringComparison.Ordinal));
    }
}
