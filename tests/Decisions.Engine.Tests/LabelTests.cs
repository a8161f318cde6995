using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// Fields and parameters may carry labels; a reason's readable form names them by the rule set's locale.
/// </summary>
public sealed class LabelTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    internal static JsonObject LabelledRetail(string locale = "zh-CN")
    {
        var json = JsonNode.Parse(RuleSetFiles.Read("retail-tiering/v1.json"))!.AsObject();
        json["locale"] = locale;
        json["input"]!["avgDailyBalance"]!["label"] = new JsonObject { ["zh-CN"] = "日均余额",
            ["en"] = "Average daily balance" };
        json["parameters"]!["vipAvgDailyBalance"]!["label"] = new JsonObject { ["zh-CN"] = "贵宾门槛",
            ["en"] = "VIP threshold" };
        return json;
    }

    [Theory]
    [InlineData("zh-CN", "日均余额 620,000 ≥ 贵宾门槛 500,000")]
    [InlineData("en", "Average daily balance 620,000 ≥ VIP threshold 500,000")]
    public void A_reason_reads_with_the_labels_of_the_rule_sets_locale(string locale, string readable)
    {
        var ruleSet = Engine.Compile(RuleSetJson.Parse(LabelledRetail(locale).ToJsonString()).RuleSet!);

        var customer = JsonDocument.Parse("""{ "customerId": "R-1", "avgDailyBalance": 620000 }""").RootElement;
        var decision = ruleSet.Evaluate(customer, AsOf).Decision!;

        var branch = Assert.Single(decision.Reasons[0].Condition.Parts!);
        Assert.Equal(readable, branch.Readable);
        Assert.Equal("customer.avgDailyBalance = 620000 >= params.vipAvgDailyBalance = 500000", branch.Text);
        Assert.Equal(readable.Split(' ')[0], branch.Operands![0].Label!.Split(' ')[0]);
    }

    [Fact]
    public void A_retail_tiering_v2_VIP_reason_reads_in_the_seeds_own_labels()
    {
        var ruleSet = Engine.Compile(RuleSetFiles.Load("retail-tiering/v2.json"));

        var customer = JsonDocument.Parse("""{ "customerId": "R-1", "avgDailyBalance": 620000 }""").RootElement;
        var decision = ruleSet.Evaluate(customer, AsOf).Decision!;

        Assert.Equal("VIP", decision.Tier.Code);
        var branch = Assert.Single(decision.Reasons[0].Condition.Parts!);
        Assert.Equal("日均余额 620,000 ≥ 贵宾门槛 500,000", branch.Readable);
    }

    public static TheoryData<string> VersionTwoSeeds() =>
        [.. RuleSetFiles.All().Where(path => Path.GetFileName(path) == "v2.json")];

    [Theory]
    [MemberData(nameof(VersionTwoSeeds))]
    public void Every_input_field_and_parameter_of_a_v2_seed_has_a_zh_CN_and_an_en_label(string path)
    {
        var ruleSet = RuleSetFiles.Load(path);
        var labels = ruleSet.Input.Select(field => ("input." + field.Key, field.Value.Label))
            .Concat(ruleSet.Parameters.Select(parameter => ("parameters." + parameter.Key, parameter.Value.Label)));

        var unlabelled = labels
            .Where(named => !HasText(named.Label, "zh-CN") || !HasText(named.Label, "en"))
            .Select(named => named.Item1)
            .ToList();

        Assert.NotEmpty(ruleSet.Input);
        Assert.Empty(unlabelled);
    }

    private static bool HasText(LocalizedText? label, string locale) =>
        label is not null && label.TryGetValue(locale, out var text) && !string.IsNullOrWhiteSpace(text);

    [Fact]
    public void A_field_label_without_the_rule_sets_locale_is_reported_at_its_path() =>
        ValidationTests.AssertProblem(
            MinimalRuleSet.With(json => json["input"]!["balance"]!["label"] = new JsonObject { ["en"] = "Balance" }),
            "input.balance.label", "locale");

    [Fact]
    public void A_parameter_label_without_the_rule_sets_locale_is_reported_at_its_path() =>
        ValidationTests.AssertProblem(
            LabelledRetail()
                .Also(json => json["parameters"]!["vipAvgDailyBalance"]!["label"] = new JsonObject { ["en"] = "VIP" }),
            "parameters.vipAvgDailyBalance.label", "locale");

    [Fact]
    public void The_label_options_leave_the_content_hash_of_a_version_without_labels_as_it_was_logged()
    {
        // The hash that decisions logged before labels existed recorded (TestData/upgrade of the API tests).
        const string Logged = "sha256:28f2f4a4b0ad6f153c447c9c611373d8448a94d9f62ffede048b66bebd91cd23";

        Assert.Equal(Logged, RuleSetJson.Hash(RuleSetFiles.Load("retail-tiering/v1.json")));
        Assert.NotEqual(Logged, RuleSetJson.Hash(RuleSetJson.Parse(LabelledRetail().ToJsonString()).RuleSet!));
    }
}

internal static class JsonObjectChange
{
    public static JsonObject Also(this JsonObject json, Action<JsonObject> change)
    {
        change(json);
        return json;
    }
}
