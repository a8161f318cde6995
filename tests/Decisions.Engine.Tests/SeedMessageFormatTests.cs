using System.Text.RegularExpressions;
using Decisions.Engine.Model;
using Decisions.Engine.Testing;

namespace Decisions.Engine.Tests;

/// <summary>
/// Every message every seed file renders for its embedded tests, as format 2 (a file that declares format 2 as
/// written, a format-1 file as a format-2 copy): no date reads month first, no amount runs ungrouped.
/// </summary>
public sealed partial class SeedMessageFormatTests
{
    public static TheoryData<string> RuleSets() => [.. RuleSetFiles.All()];

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Format_2_messages_write_dates_year_first_and_group_amounts(string file)
    {
        var ruleSet = RuleSetFiles.Load(file);
        var messages = Messages(RuleSetFormat.HasMissingValues(ruleSet) ? ruleSet : ruleSet with { Format = 2 });

        Assert.NotEmpty(messages);
        foreach (var message in messages)
        {
            Assert.DoesNotMatch(MonthFirst(), message);
            Assert.DoesNotMatch(Ungrouped(), IsoDate().Replace(message, ""));
        }
    }

    [Fact]
    public void The_check_finds_what_format_1_writes()
    {
        var messages = Messages(RuleSetFiles.Load("retail-tiering/v1.json"));
        var plain = MissingValueOperatorTests.RuleSet("customer.balance > 1", 1, j =>
            j["nextActions"]!["rules"]![0]!["message"] = "{{ customer.balance }}");
        var amount = Engine.Compile(plain).Evaluate(
            System.Text.Json.JsonDocument.Parse("""{ "customerId": "c", "balance": 1000000 }""").RootElement,
            DateTimeOffset.UnixEpoch);

        Assert.Contains(messages, message => MonthFirst().IsMatch(message));
        Assert.Matches(Ungrouped(), amount.Decision!.NextAction!.Message!);
    }

    private static List<string> Messages(RuleSet ruleSet) =>
        [.. RuleSetTestRunner.Run(Engine.Compile(ruleSet)).Outcomes
            .Select(outcome => outcome.Result.Decision)
            .SelectMany(decision => new[] { decision?.Tier.Message, decision?.NextAction?.Message })
            .OfType<string>()];

    [GeneratedRegex(@"\d{1,2}/\d{1,2}/\d{4}")]
    private static partial Regex MonthFirst();

    // Four digits in a row outside a date are an amount without its thousands separator.
    [GeneratedRegex(@"\d{4,}")]
    private static partial Regex Ungrouped();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoDate();
}
