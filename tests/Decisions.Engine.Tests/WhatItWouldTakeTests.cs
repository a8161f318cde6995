using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Compilation;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Tests;

/// <summary>
/// What it would take, on both sides of the seed rule sets' tier thresholds: the exact threshold and difference for a
/// number (one cent past a strict one), the value for a boolean or a code, nothing once the tier is reached, and every
/// answer confirmed by deciding again.
/// </summary>
public sealed class WhatItWouldTakeTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly ConcurrentDictionary<string, CompiledRuleSet> Seeds = new();

    private static Decision Decide(string ruleSet, string customer)
    {
        var result = Seeds.GetOrAdd(ruleSet, Engine.Seed)
            .Evaluate(JsonDocument.Parse(customer).RootElement, AsOf,
                ExplainLevel.Counterfactual, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems.Select(p => p.Message)));
        return result.Decision!;
    }

    private static IEnumerable<(string Field, object To, decimal? Difference)> Changes(
        Decision decision, string tier) =>
        decision.WhatItWouldTake!.Single(t => t.Tier == tier).Changes.Select(c => (c.Field, c.To, c.Difference));

    [Fact]
    public void A_TARGET_customer_with_320000_needs_500000_for_VIP_or_another_single_input()
    {
        var decision = Decide("retail-tiering", """{ "customerId": "R-1", "avgDailyBalance": 320000 }""");

        Assert.Equal("TARGET", decision.Tier.Code);
        Assert.Equal(["VIP"], decision.WhatItWouldTake!.Select(t => t.Tier));
        Assert.Equal<(string, object, decimal?)>(
            [("avgDailyBalance", 500000m, 180000m), ("isKeyExecutiveOfGoldCorporate", true, null),
             ("cardSpend12m", 300000m, 300000m), ("consumerLoanBalance", 1000000m, 1000000m)],
            Changes(decision, "VIP"));
    }

    [Theory]
    [InlineData("retail-tiering", "avgDailyBalance", "499999.99", "TARGET", "VIP", "500000", "0.01")]
    [InlineData("retail-tiering", "avgDailyBalance", "49999.99", "MASS", "TARGET", "50000", "0.01")]
    [InlineData("retail-tiering", "cardSpend12m", "299999.99", "TARGET", "VIP", "300000", "0.01")]
    [InlineData("corporate-tiering", "depositBalance", "5000000", "GENERAL", "MID_END", "5000000.01", "0.01")]
    [InlineData("corporate-tiering", "depositBalance", "9999999.99", "MID_END", "HIGH_END", "10000000", "0.01")]
    [InlineData("big-customer-revenue", "annualRevenue", "7999.99", "NONE", "VIP", "8000", "0.01")]
    [InlineData("big-customer-revenue", "annualRevenue", "1999999.99", "GOLD", "PLATINUM", "2000000", "0.01")]
    public void Just_below_a_threshold_the_change_is_the_threshold_and_at_it_the_tier_is_reached(
        string ruleSet, string field, string below, string belowTier, string target,
        string threshold, string difference)
    {
        static decimal Number(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var customer = Customer(ruleSet, field);
        customer[field] = Number(below);

        var before = Decide(ruleSet, customer.ToJsonString());
        var change = before.WhatItWouldTake!.Single(t => t.Tier == target).Changes.Single(c => c.Field == field);
        customer[field] = Number(threshold);
        var after = Decide(ruleSet, customer.ToJsonString());

        Assert.Equal(belowTier, before.Tier.Code);
        Assert.Equal((Number(threshold), Number(difference)), ((decimal)change.To, change.Difference!.Value));
        Assert.Equal(target, after.Tier.Code);
        Assert.DoesNotContain(after.WhatItWouldTake!, t => t.Tier == target);
    }

    [Fact]
    public void A_whole_number_and_a_boolean_are_given_as_the_value_that_reaches_the_tier()
    {
        var decision = Decide(
            "corporate-tiering", """{ "customerId": "C-1", "depositBalance": 3000000, "bundledProductLines": 1 }""");

        Assert.Equal("GENERAL", decision.Tier.Code);
        Assert.Equal<(string, object, decimal?)>(
            [("depositBalance", 10000000m, 7000000m), ("bundledProductLines", 3L, 2m), ("highPotential", true, null)],
            Changes(decision, "HIGH_END"));
        Assert.Contains(("headOfficeRelationship", (object)true, (decimal?)null), Changes(decision, "GOLD"));
    }

    [Fact]
    public void A_score_tier_is_reached_through_the_points_table_that_feeds_the_score()
    {
        // The baseline prospect scores 34 (B); A needs 45: business_owner's 15 points instead of clerk's 4, and no
        // other single answer adds 11. No single answer reaches VIP's 60.
        var decision = Decide("prospect-grading", """
            { "customerId": "P-1", "occupation": "clerk", "annualIncome": 80000, "age": 30, "familyStatus": "single",
              "education": "bachelor", "yearsKnown": 2, "contactEase": "easy", "influence": "average" }
            """);

        Assert.Equal("B", decision.Tier.Code);
        Assert.Equal<(string, object, decimal?)>([("occupation", "business_owner", null)], Changes(decision, "A"));
        Assert.Empty(Changes(decision, "VIP"));
    }

    [Fact]
    public void A_tier_no_single_input_can_reach_has_no_change()
    {
        // NEGATIVE needs a low balance, few transactions and few products at once.
        var decision = Decide("retail-tiering", """
            { "customerId": "R-1", "avgDailyBalance": 20000, "monthlyTransactions": 6, "productsHeld": ["fund", "credit_card"] }
            """);

        Assert.Equal("MASS", decision.Tier.Code);
        Assert.Empty(Changes(decision, "NEGATIVE"));
        Assert.Contains(("avgDailyBalance", (object)50000m, (decimal?)30000m), Changes(decision, "TARGET"));
    }

    [Theory]
    [InlineData("retail-tiering")]
    [InlineData("corporate-tiering")]
    [InlineData("prospect-grading")]
    [InlineData("big-customer-revenue")]
    public void Every_change_of_every_seed_example_gives_its_tier_when_decided_again(string ruleSet)
    {
        foreach (var example in RuleSetFiles.Load($"{ruleSet}/v1.json").Tests.Where(
            test => test.Expect.InputErrors is null))
        {
            var decision = Decide(ruleSet, example.Customer.GetRawText());
            foreach (var tier in decision.WhatItWouldTake!)
            {
                foreach (var change in tier.Changes)
                {
                    var changed = JsonNode.Parse(example.Customer.GetRawText())!.AsObject();
                    changed[change.Field] = JsonValue.Create(change.To);
                    Assert.Equal(tier.Tier, Decide(ruleSet, changed.ToJsonString()).Tier.Code);
                }
            }
        }
    }

    private static JsonObject Customer(string ruleSet, string field) => ruleSet switch
    {
        "retail-tiering" => new JsonObject { ["customerId"] = "R-1", ["avgDailyBalance"] = 100000 },
        "corporate-tiering" => new JsonObject { ["customerId"] = "C-1", ["depositBalance"] = 1000000 },
        _ => new JsonObject { ["customerId"] = "G-1", ["annualRevenue"] = 1000, ["cityGroup"] = 3, [field] = 0 },
    };
}
