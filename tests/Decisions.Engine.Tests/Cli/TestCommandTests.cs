using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Decisions.Engine.Tests.Cli;

/// <summary>
/// <c>decisions test</c>: pass or fail per embedded test with the reasons, a JUnit report for CI, exit 1 when a test
/// fails, a file does not compile or has no test.
/// </summary>
public sealed class TestCommandTests
{
    [Fact]
    public async Task Every_test_of_a_seed_is_listed_as_passed()
    {
        var seed = ToolRun.Seed("big-customer-revenue/v2.json");
        var names = RuleSetFiles.Load("big-customer-revenue/v2.json").Tests.Select(t => t.Name).ToList();

        var run = await ToolRun.Of("test", seed);

        Assert.True(run.Code == 0, run.Output);
        Assert.StartsWith($"{seed} (big-customer-revenue version 2)\n", run.Output, StringComparison.Ordinal);
        Assert.All(names, name => Assert.Contains($"  pass  {name}\n", run.Output, StringComparison.Ordinal));
        var summary = $"1 files, {names.Count} tests: {names.Count} passed, 0 failed, 0 files not compiled\n";
        Assert.EndsWith(summary, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_expectation_fails_its_test_with_the_reason_and_exits_1()
    {
        var broken = ToolRun.BrokenCopy("retail-tiering/v2.json",
            json => json["tests"]![1]!["expect"]!["tier"] = "VIP");
        var name = RuleSetFiles.Load("retail-tiering/v2.json").Tests[1].Name;

        var run = await ToolRun.Of("test", broken);

        Assert.Equal(1, run.Code);
        Assert.Contains($"  FAIL  {name}: expected tier 'VIP', got 'TARGET'\n", run.Output, StringComparison.Ordinal);
        Assert.Contains(" 1 failed, 0 files not compiled\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_junit_report_has_a_suite_per_file_and_the_failure_with_its_reason()
    {
        var broken = ToolRun.BrokenCopy("retail-tiering/v2.json",
            json => json["tests"]![1]!["expect"]!["tier"] = "VIP");
        var seed = ToolRun.Seed("prospect-grading/v1.json");
        var report = Path.Combine(Path.GetDirectoryName(broken)!, "junit.xml");

        var run = await ToolRun.Of("test", seed, broken, "--junit", report);

        Assert.Equal(1, run.Code);
        var suites = XDocument.Load(report).Root!.Elements("testsuite").ToList();
        Assert.Equal(
            ["prospect-grading version 1", "retail-tiering version 2"],
            suites.Select(s => (string)s.Attribute("name")!));
        Assert.Equal(RuleSetFiles.Load("prospect-grading/v1.json").Tests.Count, suites[0].Elements("testcase").Count());
        Assert.Equal("0", (string)suites[0].Attribute("failures")!);
        Assert.Equal("1", (string)suites[1].Attribute("failures")!);
        var failure = Assert.Single(suites[1].Descendants("failure"));
        Assert.Equal("expected tier 'VIP', got 'TARGET'", (string)failure.Attribute("message")!);
    }

    [Fact]
    public async Task The_junit_report_is_the_same_bytes_on_every_run()
    {
        var seed = ToolRun.Seed("corporate-tiering/v1.json");
        var folder = Directory.CreateTempSubdirectory("decisions-cli-").FullName;

        await ToolRun.Of("test", seed, "--junit", Path.Combine(folder, "a.xml"));
        await ToolRun.Of("test", seed, "--junit", Path.Combine(folder, "b.xml"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "a.xml")),
            File.ReadAllBytes(Path.Combine(folder, "b.xml")));
    }

    [Fact]
    public async Task A_file_that_does_not_compile_is_an_error_case_in_the_report()
    {
        var broken = ToolRun.BrokenCopy(
            "retail-tiering/v1.json", json => json["tiers"]!["rules"]![0]!["when"] = "customer.avgDailyBalance >=");
        var report = Path.Combine(Path.GetDirectoryName(broken)!, "junit.xml");

        var run = await ToolRun.Of("test", broken, "--junit", report);

        Assert.Equal(1, run.Code);
        Assert.Contains($"{broken}: error tiers.rules[0].when: ", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("1 files, 0 tests: 0 passed, 0 failed, 1 files not compiled\n", run.Output,
            StringComparison.Ordinal);
        var error = Assert.Single(XDocument.Load(report).Descendants("error"));
        Assert.Contains("tiers.rules[0].when: ", error.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_set_without_tests_fails_rather_than_passing_nothing()
    {
        var broken = ToolRun.BrokenCopy("prospect-grading/v2.json", json => json["tests"] = new JsonArray());

        var run = await ToolRun.Of("test", broken);

        Assert.Equal(1, run.Code);
        var problem = $"{broken}: error tests: A rule set needs at least one test.\n";
        Assert.Contains(problem, run.Output, StringComparison.Ordinal);
    }
}
