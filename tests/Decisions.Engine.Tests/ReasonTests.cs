using System.Text.Json;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Tests;

/// <summary>
/// Retail-tiering decisions carry the conditions that decided them, with the values on both sides: for an OR the
/// branches that held, for an AND every part; the full level adds every comparison and why-not.
/// </summary>
public sealed class ReasonTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Lazy<Compilation.CompiledRuleSet> Retail = new(() => Engine.Seed("retail-tiering"));

    internal static Decision Decide(string customer, ExplainLevel level = ExplainLevel.Reasons)
    {
        var result = Retail.Value.Evaluate(JsonDocument.Parse(customer).RootElement, AsOf,
            level, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        return result.Decision!;
    }

    private static IEnumerable<Condition> Atoms(Condition condition) =>
        condition.Parts is { } parts ? parts.SelectMany(Atoms) : [condition];

    [Fact]
    public void A_VIP_by_balance_names_the_one_branch_of_the_OR_that_held_with_both_values()
    {
        var decision = Decide("""{ "customerId": "R-1", "avgDailyBalance": 620000 }""");

        var tier = decision.Reasons[0];
        Assert.Equal(("tiers", "VIP"), (tier.Section, tier.Rule));
        Assert.Equal("any", tier.Condition.Kind);
        var branch = Assert.Single(tier.Condition.Parts!);
        Assert.Equal("customer.avgDailyBalance = 620000 >= params.vipAvgDailyBalance = 500000", branch.Text);
        Assert.Equal("customer.avgDailyBalance 620,000 ≥ params.vipAvgDailyBalance 500,000", branch.Readable);
        Assert.Equal([620000m, 500000m], branch.Operands!.Select(o => o.Value));
    }

    [Fact]
    public void Every_branch_that_held_is_a_reason_and_the_false_ones_are_not()
    {
        var decision = Decide("""
            { "customerId": "R-1", "avgDailyBalance": 620000, "isKeyExecutiveOfGoldCorporate": true, "cardSpend12m": 1000 }
            """);

        Assert.Equal(
            ["customer.avgDailyBalance = 620000 >= params.vipAvgDailyBalance = 500000",
                "customer.isKeyExecutiveOfGoldCorporate = true"],
            decision.Reasons[0].Condition.Parts!.Select(p => p.Text));
    }

    [Fact]
    public void Each_granted_privilege_and_the_next_action_have_a_reason_and_an_AND_lists_every_part()
    {
        var decision = Decide("""
            { "customerId": "R-1", "avgDailyBalance": 800000, "largeOutflow30d": 250000, "lastTierReviewDate": "2026-03-01" }
            """);

        Assert.Equal(
            ["VIP", .. decision.Privileges.Select(p => p.Code), "LARGE_OUTFLOW_RETENTION"],
            decision.Reasons.Select(r => r.Rule));
        var queue = decision.Reasons.Single(r => r.Rule == "PRIORITY_QUEUE").Condition;
        Assert.Equal("tier = \"VIP\" in [\"VIP\", \"TARGET\"]", Assert.Single(Atoms(queue)).Text);
        var action = decision.Reasons[^1].Condition;
        Assert.Equal("all", action.Kind);
        Assert.Equal(
            ["tier = \"VIP\" in [\"VIP\", \"TARGET\"]",
                "customer.largeOutflow30d = 250000 >= params.largeOutflowThreshold = 200000"],
            Atoms(action).Select(a => a.Text));
    }

    [Fact]
    public void A_NEGATIVE_customer_is_explained_by_all_three_parts_of_the_AND()
    {
        var decision = Decide(
            """{ "customerId": "R-1", "avgDailyBalance": 50, "monthlyTransactions": 0, "productsHeld": ["fund"] }""");

        Assert.Equal("NEGATIVE", decision.Tier.Code);
        Assert.Equal(
            ["customer.avgDailyBalance = 50 < params.negativeAvgDailyBalance = 100",
             "customer.monthlyTransactions = 0 < params.negativeMonthlyTransactions = 1",
             "customer.productsHeld.Length = 1 <= params.negativeMaxProducts = 1"],
            Atoms(decision.Reasons[0].Condition).Select(a => a.Text));
    }

    [Fact]
    public void Explaining_never_changes_the_decision_and_no_level_carries_no_reasons_nor_conditions()
    {
        const string customer = """{ "customerId": "R-1", "avgDailyBalance": 60000, "occupation": "executive" }""";
        var none = Decide(customer, ExplainLevel.None);
        var full = Decide(customer, ExplainLevel.Full);

        Assert.Empty(none.Reasons);
        Assert.Null(none.WhyNot);
        Assert.All(none.Trace, entry => Assert.Null(entry.Condition));
        Assert.Equal((none.Tier, none.NextAction), (full.Tier, full.NextAction));
        Assert.Equal(none.Privileges, full.Privileges);
        Assert.Equal(none.Trace.Select(e => (e.Section, e.Rule, e.Matched)),
            full.Trace.Select(e => (e.Section, e.Rule, e.Matched)));
    }

    [Fact]
    public void The_full_level_has_every_comparison_in_the_trace_and_why_not_names_what_failed_above()
    {
        var decision = Decide("""{ "customerId": "R-1", "avgDailyBalance": 60000, "annualIncome": 300000 }""",
            ExplainLevel.Full);

        Assert.Equal("TARGET", decision.Tier.Code);
        var target = decision.Trace.Single(e => e.Rule == "TARGET").Condition!;
        Assert.Equal(4, target.Parts!.Count);
        Assert.Equal([true, false, true, false], target.Parts.Select(p => p.Holds));
        // The TARGET reason keeps only the two branches that held.
        Assert.Equal(2, decision.Reasons[0].Condition.Parts!.Count);
        var whyNot = Assert.Single(decision.WhyNot!);
        Assert.Equal("VIP", whyNot.Rule);
        Assert.False(whyNot.Condition.Holds);
        Assert.Equal(
            ["customer.avgDailyBalance = 60000 >= params.vipAvgDailyBalance = 500000",
             "customer.isKeyExecutiveOfGoldCorporate = false",
             "customer.cardSpend12m = 0 >= params.vipCardSpend12m = 300000",
             "customer.consumerLoanBalance = 0 >= params.vipConsumerLoanBalance = 1000000"],
            whyNot.Condition.Parts!.Select(p => p.Text));
    }
}
