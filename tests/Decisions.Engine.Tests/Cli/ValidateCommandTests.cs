namespace Decisions.Engine.Tests.Cli;

/// <summary>
/// <c>decisions validate</c> on the seeds and on broken copies: each problem with its file and JSON path, exit 1
/// for an invalid rule set and 2 for a file that cannot be read.
/// </summary>
public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Every_seed_version_is_valid_with_its_tests_counted()
    {
        var seeds = RuleSetFiles.All().Select(ToolRun.Seed).ToArray();

        var run = await ToolRun.Of(["validate", .. seeds]);

        Assert.True(run.Code == 0, run.Output + run.Error);
        var retail = $"{ToolRun.Seed("retail-tiering/v2.json")}: valid (retail-tiering version 2, ";
        Assert.Contains(retail, run.Output, StringComparison.Ordinal);
        Assert.EndsWith($"{seeds.Length} valid, 0 invalid\n", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task An_unknown_field_in_a_condition_is_reported_at_its_rule_and_exits_1()
    {
        var broken = ToolRun.BrokenCopy(
            "retail-tiering/v2.json", json => json["tiers"]!["rules"]![0]!["when"] = "customer.balanse >= 1");

        var run = await ToolRun.Of("validate", ToolRun.Seed("retail-tiering/v1.json"), broken);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{broken}: error tiers.rules[0].when: ", run.Output, StringComparison.Ordinal);
        Assert.Contains("balanse", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 valid, 1 invalid\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_property_the_format_does_not_have_is_reported_by_its_path()
    {
        var broken = ToolRun.BrokenCopy("corporate-tiering/v2.json",
            json => json["tiers"]!["rules"]![1]!["whenn"] = "true");

        var run = await ToolRun.Of("validate", broken);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{broken}: error tiers.rules[1].whenn: ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_embedded_test_makes_the_file_invalid_as_it_makes_a_draft_invalid()
    {
        var broken = ToolRun.BrokenCopy("retail-tiering/v2.json",
            json => json["tests"]![0]!["expect"]!["tier"] = "MASS");

        var run = await ToolRun.Of("validate", broken);

        Assert.Equal(1, run.Code);
        var problem = $"{broken}: error tests[0]: Test 'VIP at exactly the balance threshold";
        Assert.Contains(problem, run.Output, StringComparison.Ordinal);
        Assert.Contains("expected tier 'MASS', got 'VIP'", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_invalid_not_a_crash()
    {
        var broken = ToolRun.Write("truncated.json", RuleSetFiles.Read("prospect-grading/v1.json")[..200]);

        var run = await ToolRun.Of("validate", broken);

        Assert.Equal(1, run.Code);
        Assert.StartsWith($"{broken}: error ", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "v9.json");

        var run = await ToolRun.Of("validate", ToolRun.Seed("retail-tiering/v2.json"), missing);

        Assert.Equal(2, run.Code);
        Assert.Contains($"decisions: cannot read '{missing}'", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Help_lists_every_command_and_exits_0()
    {
        var run = await ToolRun.Of("--help");

        Assert.Equal(0, run.Code);
        Assert.All(["validate <files>", "test <files>", "diff <old> <new>", "simulate <file>", "push <file>"],
            command => Assert.Contains(command, run.Output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("frobnicate", "x.json")]
    [InlineData("diff", "only-one.json")]
    public async Task A_wrong_command_line_exits_2_with_the_reason_on_the_error_stream(params string[] args)
    {
        var run = await ToolRun.Of(args);

        Assert.Equal(2, run.Code);
        Assert.StartsWith("decisions: ", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }
}
