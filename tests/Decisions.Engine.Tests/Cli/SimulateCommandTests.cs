using System.Globalization;
using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests.Cli;

/// <summary>
/// <c>decisions simulate</c>: the decision for one customer as the service's simulate call answers it; exit 1 when
/// no decision is made, 2 when the customer or the time cannot be read.
/// </summary>
public sealed class SimulateCommandTests
{
    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task The_first_embedded_test_customer_gets_the_tier_its_test_expects(string seed)
    {
        var test = RuleSetFiles.Load(seed).Tests[0];
        var asOf = test.AsOf.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

        var run = await ToolRun.Of(
            "simulate", ToolRun.Seed(seed), "--customer", test.Customer.GetRawText(), "--as-of", asOf);

        Assert.True(run.Code == 0, run.Output + run.Error);
        var answer = JsonNode.Parse(run.Output)!;
        Assert.Equal(test.Expect.Tier, (string?)answer["decision"]!["tier"]!["code"]);
        Assert.Equal(asOf, (string?)answer["decision"]!["asOf"]);
        Assert.Null(answer["failure"]);
        Assert.NotEmpty(answer["decision"]!["reasons"]!.AsArray());
    }

    public static TheoryData<string> Seeds() => [.. RuleSetFiles.All()];

    [Fact]
    public async Task Without_as_of_it_decides_at_the_clock_now_and_reads_the_customer_from_a_file()
    {
        var customer = RuleSetFiles.Load("retail-tiering/v2.json").Tests[0].Customer;
        var file = ToolRun.Write("customer.json", customer.GetRawText());

        var run = await ToolRun.Of("simulate", ToolRun.Seed("retail-tiering/v2.json"), "--customer", "@" + file);

        Assert.Equal(0, run.Code);
        Assert.Equal("2026-07-15T02:00:00+00:00", (string?)JsonNode.Parse(run.Output)!["decision"]!["asOf"]);
    }

    [Fact]
    public async Task Counterfactual_explains_what_it_would_take_and_the_trace_has_each_comparison()
    {
        var customer = RuleSetFiles.Load("retail-tiering/v2.json").Tests[1].Customer;

        var run = await ToolRun.Of("simulate", ToolRun.Seed("retail-tiering/v2.json"),
            "--customer", customer.GetRawText(), "--as-of", "2026-07-15T10:00:00+08:00", "--explain", "counterfactual");

        var decision = JsonNode.Parse(run.Output)!["decision"]!;
        Assert.Equal("TARGET", (string?)decision["tier"]!["code"]);
        Assert.Contains(decision["whatItWouldTake"]!.AsArray(), change => (string?)change!["tier"] == "VIP");
        Assert.Contains(decision["trace"]!.AsArray(), entry => entry!["condition"] is not null);
    }

    [Fact]
    public async Task A_customer_that_breaks_the_input_schema_is_a_failure_with_paths_and_exits_1()
    {
        var run = await ToolRun.Of("simulate", ToolRun.Seed("retail-tiering/v2.json"),
            "--customer", """{"customerId": 7}""", "--as-of", "2026-07-15T10:00:00Z");

        Assert.Equal(1, run.Code);
        var answer = JsonNode.Parse(run.Output)!;
        Assert.Null(answer["decision"]);
        Assert.Equal("invalid-input", (string?)answer["failure"]);
        Assert.Contains(answer["problems"]!.AsArray(), p => (string?)p!["path"] == "customer.customerId");
    }

    [Fact]
    public async Task A_file_that_does_not_compile_prints_its_problems_instead_of_a_decision()
    {
        var broken = ToolRun.BrokenCopy(
            "retail-tiering/v2.json", json => json["privileges"]!["rules"]![2]!["when"] = "tier == VIP");

        var run = await ToolRun.Of("simulate", broken, "--customer", "{}", "--as-of", "2026-07-15T10:00:00Z");

        Assert.Equal(1, run.Code);
        Assert.StartsWith($"{broken}: error privileges.rules[2].when: ", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--customer", "{\"customerId\": \"A\", \"customerId\": \"B\"}")]
    [InlineData("--customer", "{not json")]
    [InlineData("--customer", "@/no/such/customer.json")]
    [InlineData("--as-of", "2026-07-15T10:00:00")]
    [InlineData("--explain", "everything")]
    public async Task An_unreadable_customer_time_or_level_exits_2_and_decides_nothing(string option, string value)
    {
        var args = new List<string> { "simulate", ToolRun.Seed("retail-tiering/v2.json"), option, value };
        if (option != "--customer")
        {
            args.AddRange(["--customer", "{}"]);
        }

        var run = await ToolRun.Of([.. args]);

        Assert.Equal(2, run.Code);
        Assert.Empty(run.Output);
        Assert.StartsWith("decisions: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_is_the_same_bytes_whatever_the_current_culture()
    {
        var seed = "prospect-grading/v2.json";
        var customer = RuleSetFiles.Load(seed).Tests[0].Customer.GetRawText();
        string[] args =
            ["simulate", ToolRun.Seed(seed), "--customer", customer, "--as-of",
                "2026-06-15T10:00:00+08:00", "--explain", "full"];
        var invariant = await ToolRun.Of(args);
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = await ToolRun.Of(args);

            Assert.Equal(invariant.Output, german.Output);
            Assert.Contains("\"scores\"", german.Output, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }
}
