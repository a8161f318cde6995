using System.Text.RegularExpressions;

namespace Decisions.Engine.Tests;

/// <summary>
/// The rule-set example in the README is valid and its tests pass, so the documentation cannot drift.
/// </summary>
public sealed partial class ReadmeExampleTests
{
    [GeneratedRegex("```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [Fact]
    public void The_readme_example_is_a_valid_rule_set_whose_tests_pass()
    {
        var readme = File.ReadAllText(Path.Combine(RuleSetFiles.Root, "README.md"));
        var example = JsonBlock().Match(readme).Groups["json"].Value;

        var report = Engine.Validator.Validate(example);

        Assert.True(report.IsValid, string.Join("\n", report.Problems));
        Assert.Equal(2, report.Tests!.Passed);
    }
}
