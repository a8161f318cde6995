namespace Decisions.Engine.Tests;

/// <summary>Every rule set under <c>rulesets/</c> validates and passes its embedded tests.</summary>
public sealed class SeedRuleSetTests
{
    public static TheoryData<string> RuleSets() => [.. RuleSetFiles.All()];

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Rule_set_is_valid_and_its_embedded_tests_pass(string file)
    {
        var report = Engine.Validator.Validate(RuleSetFiles.Read(file));

        Assert.True(report.IsValid, string.Join("\n", report.Problems.Select(p => $"{p.Path}: {p.Message}")));
        Assert.NotNull(report.Tests);
        Assert.True(report.Tests.Passed > 0);
        Assert.Equal(0, report.Tests.Failed);
    }

    [Theory]
    [MemberData(nameof(RuleSets))]
    public void Rule_set_lives_in_the_folder_of_its_name_and_the_file_of_its_version(string file)
    {
        var ruleSet = RuleSetFiles.Load(file);

        Assert.Equal(Path.Combine(ruleSet.Name, $"v{ruleSet.Version}.json"), file);
    }
}
