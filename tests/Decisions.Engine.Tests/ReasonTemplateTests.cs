using System.Text.Json;
using Decisions.Engine.Explanation;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// A message template may tell the customer why: it reads the decision's reasons as the answer carries them.
/// </summary>
public sealed class ReasonTemplateTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private static Compilation.CompiledRuleSet TierMessageReadingReasons()
    {
        var json = LabelTests.LabelledRetail();
        json["tiers"]!["rules"]![0]!["message"] =
            "{{ for r in reasons }}{{ if r.section == \"tiers\" }}"
            + "{{ r.condition.parts[0].readable }}{{ end }}{{ end }}";
        return Engine.Compile(RuleSetJson.Parse(json.ToJsonString()).RuleSet!);
    }

    [Fact]
    public void A_tier_message_names_the_comparison_that_made_the_customer_VIP_in_labels()
    {
        var customer = JsonDocument.Parse("""{ "customerId": "R-1", "avgDailyBalance": 620000 }""").RootElement;

        var decision = TierMessageReadingReasons().Evaluate(customer, AsOf).Decision!;

        Assert.Equal("VIP", decision.Tier.Code);
        Assert.Equal("日均余额 620,000 ≥ 贵宾门槛 500,000", decision.Tier.Message);
        Assert.Equal(decision.Reasons[0].Condition.Parts![0].Readable, decision.Tier.Message);
    }

    [Fact]
    public void Reading_reasons_in_a_template_changes_neither_the_decision_nor_its_reasons()
    {
        var customer = JsonDocument.Parse("""{ "customerId": "R-1", "avgDailyBalance": 620000 }""").RootElement;
        var plain = Engine.Compile(RuleSetJson.Parse(LabelTests.LabelledRetail().ToJsonString()).RuleSet!);

        var reading = TierMessageReadingReasons()
            .Evaluate(customer, AsOf, ExplainLevel.Full, CancellationToken.None).Decision!;
        var notReading = plain.Evaluate(customer, AsOf, ExplainLevel.Full, CancellationToken.None).Decision!;

        Assert.Equal(JsonSerializer.Serialize(notReading.Reasons), JsonSerializer.Serialize(reading.Reasons));
        Assert.Equal(notReading.Privileges, reading.Privileges);
        Assert.Equal(notReading.NextAction, reading.NextAction);
        Assert.Equal(JsonSerializer.Serialize(notReading.WhyNot), JsonSerializer.Serialize(reading.WhyNot));
    }

    [Fact]
    public void A_decision_given_without_explanations_renders_the_template_with_no_reasons()
    {
        var customer = JsonDocument.Parse("""{ "customerId": "R-1", "avgDailyBalance": 620000 }""").RootElement;

        var decision = TierMessageReadingReasons()
            .Evaluate(customer, AsOf, ExplainLevel.None, CancellationToken.None).Decision!;

        Assert.Equal("VIP", decision.Tier.Code);
        Assert.Equal("", decision.Tier.Message);
        Assert.Empty(decision.Reasons);
    }
}
