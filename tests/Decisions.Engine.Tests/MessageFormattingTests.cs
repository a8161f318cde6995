using System.Globalization;
using System.Text.Json;

namespace Decisions.Engine.Tests;

/// <summary>
/// Format 2 writes dates and amounts in messages for the rule set's locale, with fixed rules (never the host's
/// culture), and never rounds a number the decision compared; format 1 renders exactly as it always did.
/// </summary>
public sealed class MessageFormattingTests
{
    private static readonly DateTimeOffset AsOf = DateTimeOffset.Parse("2026-06-15T10:00:00+08:00",
        CultureInfo.InvariantCulture);

    [Fact]
    public void A_date_reads_year_first_with_format_2_and_as_before_with_format_1()
    {
        const string Dormant = """{ "customerId": "d", "name": "王五", "avgDailyBalance": 20000, "lastTransactionDate": "2025-12-16", "lastTierReviewDate": "2026-01-01" }""";

        Assert.Contains("（最后交易日 12/16/2025）", Message("retail-tiering", 1, Dormant), StringComparison.Ordinal);
        Assert.Contains("（最后交易日 2025-12-16）", Message("retail-tiering", 2, Dormant), StringComparison.Ordinal);
    }

    [Fact]
    public void An_amount_is_grouped_and_keeps_its_decimals_with_format_2()
    {
        const string Outflow = """{ "customerId": "o", "name": "李四", "avgDailyBalance": 600000, "largeOutflow30d": 1000000.5 }""";

        Assert.Contains("近30天大额资金转出 1,000,001 元", Message("retail-tiering", 1, Outflow), StringComparison.Ordinal);
        Assert.Contains("近30天大额资金转出 1,000,000.5 元", Message("retail-tiering", 2, Outflow), StringComparison.Ordinal);
    }

    [Fact]
    public void Revenue_of_9999_5_is_not_shown_as_the_10000_line_it_missed()
    {
        const string Close = """{ "customerId": "b", "name": "某公司", "annualRevenue": 9999.5, "cityGroup": 1 }""";

        Assert.Equal(
            "某公司年收入 10,000 元，接近VIP客户收入线 10,000 元：请跟进并登记为大客户。",
            Message("big-customer-revenue", 1, Close));
        Assert.Equal(
            "某公司年收入 9,999.5 元，接近VIP客户收入线 10,000 元：请跟进并登记为大客户。",
            Message("big-customer-revenue", 2, Close));
    }

    [Theory]
    [InlineData("{{ customer.balance }}", "9999.5", "9,999.5")]
    [InlineData("{{ customer.balance }}", "1000000", "1,000,000")]
    [InlineData("{{ customer.balance | math.amount }}", "9999.50", "9,999.5")]
    [InlineData("{{ customer.balance | math.amount 2 }}", "9999.5", "9,999.50")]
    [InlineData("{{ customer.balance | math.amount 2 }}", "0.125", "0.125")]
    [InlineData("{{ customer.balance | math.format \"N0\" }}", "9999.5", "9,999.5")]
    [InlineData("{{ customer.balance | math.format \"N2\" }}", "12", "12.00")]
    [InlineData("{{ customer.balance | math.format \"F0\" }}", "1234567.25", "1234567.25")]
    [InlineData("{{ customer.balance | math.format \"0.0\" }}", "1234.5", "1234.5")]
    [InlineData("{{ customer.balance | math.round }}", "9999.5", "10,000")]
    [InlineData("{{ customer.birthDate }}", "1", "1990-02-28")]
    [InlineData("{{ asOf }}", "1", "2026-06-15T10:00:00+08:00")]
    [InlineData("{{ today }}", "1", "2026-06-15")]
    [InlineData("{{ if customer.tags }}{{ customer.tags.size }}{{ end }}/{{ customer.name }}/{{ customer.x }}", "1",
        "//")]
    [InlineData("{{ if customer.x > 0 }}more{{ else }}not more{{ end }}", "1", "not more")]
    [InlineData("{{ customer.balance | object.format \"N0\" }}", "9999.5", "9,999.5")]
    [InlineData("[{{ scores.doubled }}]", "1", "[]")]
    public void A_format_2_template_writes_numbers_and_dates_for_the_locale(string template,
        string balance, string expected)
    {
        var ruleSet = MissingValueOperatorTests.RuleSet("customer.balance > 1", 2, j =>
        {
            j["input"]!["birthDate"]!["default"] = "1990-02-28";
            j["nextActions"]!["rules"]![0]!["message"] = template;
        });
        var customer = JsonDocument.Parse($$"""{ "customerId": "c", "balance": {{balance}} }""").RootElement;

        var result = Engine.Compile(ruleSet).Evaluate(customer, AsOf);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Assert.Equal(expected, result.Decision!.NextAction!.Message);
    }

    [Fact]
    public void A_format_2_template_naming_a_culture_is_stopped_as_in_format_1()
    {
        var ruleSet = MissingValueOperatorTests.RuleSet("customer.balance > 1", 2, j =>
            j["nextActions"]!["rules"]![0]!["message"] = "{{ customer.balance | math.format \"N2\" \"de-DE\" }}");
        var customer = JsonDocument.Parse("""{ "customerId": "c", "balance": 5 }""").RootElement;

        var result = Engine.Compile(ruleSet).Evaluate(customer, AsOf);

        Assert.Contains("culture 'de-DE'", Assert.Single(result.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_format_2_message_is_byte_identical_under_every_culture()
    {
        const string Close = """{ "customerId": "b", "name": "某公司", "annualRevenue": 9999.5, "cityGroup": 1 }""";
        var original = CultureInfo.CurrentCulture;
        try
        {
            var outputs = new[] { "en-US", "de-DE", "tr-TR", "ar-SA", "zh-CN", "fr-FR" }.Select(name =>
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                return Message("big-customer-revenue", 2, Close) + Message("retail-tiering", 2,
                    """{ "customerId": "d", "avgDailyBalance": 20000.5, "lastTransactionDate": "2025-12-16", "lastTierReviewDate": "2026-01-01" }""");
            }).ToList();

            Assert.Single(outputs.Distinct());
            Assert.Contains("9,999.5", outputs[0], StringComparison.Ordinal);
            Assert.Contains("2025-12-16", outputs[0], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    private static string Message(string seed, int format, string customer)
    {
        var ruleSet = RuleSetFiles.Load($"{seed}/v1.json");
        var compiled = Engine.Compile(format == 1 ? ruleSet : ruleSet with { Format = format });
        var result = compiled.Evaluate(JsonDocument.Parse(customer).RootElement, AsOf);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return result.Decision!.NextAction!.Message!;
    }
}
