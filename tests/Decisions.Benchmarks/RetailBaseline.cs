using System.Globalization;
using Decisions.Engine.Expressions;

namespace Decisions.Benchmarks;

/// <summary>The retail customer as a hand-written class, for the two baselines.</summary>
public sealed class RetailCustomer
{
    public string customerId { get; set; } = "";
    public string? name { get; set; }
    public decimal avgDailyBalance { get; set; }
    public decimal cardSpend12m { get; set; }
    public decimal consumerLoanBalance { get; set; }
    public bool isKeyExecutiveOfGoldCorporate { get; set; }
    public bool isOtherBankVip { get; set; }
    public decimal annualIncome { get; set; }
    public string? occupation { get; set; }
    public string[] productsHeld { get; set; } = [];
    public decimal monthlyTransactions { get; set; }
    public DateOnly? lastTransactionDate { get; set; }
    public DateOnly? lastTierReviewDate { get; set; }
    public DateOnly? birthDate { get; set; }
    public string? depositMotive { get; set; }
    public decimal largeOutflow30d { get; set; }
    public decimal satisfaction { get; set; }
    public string[] interests { get; set; } = [];
}

/// <summary>The retail parameters as a hand-written class.</summary>
public sealed class RetailParams
{
    public decimal vipAvgDailyBalance { get; set; } = 500000;
    public decimal vipCardSpend12m { get; set; } = 300000;
    public decimal vipConsumerLoanBalance { get; set; } = 1000000;
    public decimal targetAvgDailyBalance { get; set; } = 50000;
    public decimal targetAnnualIncome { get; set; } = 200000;
    public string[] targetOccupations { get; set; } = ["business_owner", "executive"];
    public decimal negativeAvgDailyBalance { get; set; } = 100;
    public decimal negativeMonthlyTransactions { get; set; } = 1;
    public long negativeMaxProducts { get; set; } = 1;
    public decimal multipleRmAvgDailyBalance { get; set; } = 5000000;
    public decimal largeOutflowThreshold { get; set; } = 200000;
    public long tierReviewDays { get; set; } = 365;
    public long dormantDays { get; set; } = 180;
    public decimal referralSatisfaction { get; set; } = 9;
    public long birthdayWindowDays { get; set; } = 7;
}

/// <summary>
/// The floor: retail-tiering written by hand in C#, message included. It is what the engine would cost
/// with no parsing, no trace, no validation and no generality.
/// </summary>
public static class HandWrittenRetail
{
    public static (string Tier, List<string> Privileges, string Action, string Message) Decide(RetailCustomer c,
        RetailParams p, DateOnly today)
    {
        var tier = c.avgDailyBalance >= p.vipAvgDailyBalance || c.isKeyExecutiveOfGoldCorporate
                || c.cardSpend12m >= p.vipCardSpend12m || c.consumerLoanBalance >= p.vipConsumerLoanBalance
                ? "VIP"
            : c.avgDailyBalance >= p.targetAvgDailyBalance || c.isOtherBankVip || c.annualIncome >= p.targetAnnualIncome
                || p.targetOccupations.Contains(c.occupation)
                ? "TARGET"
            : c.avgDailyBalance < p.negativeAvgDailyBalance && c.monthlyTransactions < p.negativeMonthlyTransactions
                && c.productsHeld.Length <= p.negativeMaxProducts
                ? "NEGATIVE"
            : "MASS";
        var vt = tier is "VIP" or "TARGET";
        var privileges = new List<string>();
        if (vt)
        {
            privileges.AddRange(
                ["PRIORITY_QUEUE", "PRIORITY_SUBSCRIPTION", "PRIORITY_LARGE_WITHDRAWAL", "NEW_PRODUCT_NOTICE"]);
        }
        if (tier == "VIP") { privileges.Add("HOME_SERVICE"); }
        if (vt) { privileges.AddRange(["REMITTANCE_FEE_WAIVER", "CARD_ANNUAL_FEE_WAIVER"]); }
        if (tier == "VIP") { privileges.Add("HIGH_CREDIT_LIMIT"); }
        if (vt) { privileges.Add("CARD_SPEND_DISCOUNT"); }
        if (tier == "VIP") { privileges.AddRange(["VIP_ROOM", "DEDICATED_RM"]); }
        if (tier == "VIP" && c.avgDailyBalance >= p.multipleRmAvgDailyBalance) { privileges.Add("MULTIPLE_RM"); }
        if (tier == "MASS") { privileges.Add("EFFICIENT_COUNTER"); }
        if (tier is "MASS" or "NEGATIVE") { privileges.Add("SELF_SERVICE"); }

        var name = c.name ?? "客户";
        if (vt && c.largeOutflow30d >= p.largeOutflowThreshold)
        {
            return (tier, privileges, "LARGE_OUTFLOW_RETENTION",
                $"{name}近30天大额资金转出 {c.largeOutflow30d.ToString("N0", CultureInfo.InvariantCulture)} "
                + $"元（大额异动）：请在1个工作日内致电客户，了解资金转出原因，并推荐合适的产品挽留资金。");
        }

        if (c.lastTierReviewDate is null || Days.Since(c.lastTierReviewDate, today) > p.tierReviewDays)
        {
            return (tier, privileges, "ANNUAL_TIER_REVIEW",
                $"{name}的客户层级已超过 {p.tierReviewDays} 天未复评：请按动态管理要求重新评定层级（不搞终身制）。");
        }

        return tier == "VIP"
            ? (tier, privileges, "SALON_HIGH_END_PRIVATE", $"邀请{name}参加高端客户私享沙龙。")
            : (tier, privileges, "MICRO_MARKETING", $"每天早上 8:30 向{name}的微信定时推送财经资讯和本行产品信息。");
    }
}
