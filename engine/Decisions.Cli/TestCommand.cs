using System.CommandLine;
using System.Globalization;
using Decisions.Engine.Validation;

namespace Decisions.Cli;

/// <summary>
/// <c>decisions test FILE... [--junit out.xml]</c>: runs each file's embedded tests and prints pass or fail per
/// test with the reasons; exit 1 when a test fails, a file does not compile or has no test.
/// </summary>
internal static class TestCommand
{
    public static Command Create(ToolContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Rule-set files", Arity = ArgumentArity.OneOrMore };
        var junit = new Option<string>("--junit") { Description = "Also write the results as JUnit XML to this file" };
        var command = new Command("test", "Run the tests embedded in rule-set files") { files, junit };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(files), parsed.GetValue(junit), context));
        return command;
    }

    private static int Run(IEnumerable<string> paths, string? junit, ToolContext context)
    {
        if (RuleSetFiles.ReadAll(paths, context) is not { } files)
        {
            return ExitCodes.Usage;
        }

        var results = files.Select(file => (File: file, Report: RuleSetFiles.Validate(file))).ToList();
        foreach (var (file, report) in results)
        {
            Write(context.Output, file, report);
        }

        var passed = results.Sum(r => r.Report.Tests?.Passed ?? 0);
        var failed = results.Sum(r => r.Report.Tests?.Failed ?? 0);
        var broken = results.Count(r => r.Report.Tests is null);
        context.Output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} files, {passed + failed} tests: {passed} passed, {failed} failed, "
            + $"{broken} files not compiled\n"));
        if (junit is not null && !JUnitReport.TryWrite(junit, results, context))
        {
            return ExitCodes.Usage;
        }

        return results.All(r => r.Report.IsValid) ? ExitCodes.Success : ExitCodes.Invalid;
    }

    private static void Write(TextWriter output, RuleSetFile file, ValidationReport report)
    {
        if (report.Tests is not { } tests)
        {
            RuleSetFiles.WriteProblems(output, file, report.Problems);
            return;
        }

        var ruleSet = report.Compiled!.Ref;
        output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{file.Path} ({ruleSet.Name} version {ruleSet.Version})\n"));
        foreach (var outcome in tests.Outcomes)
        {
            var why = outcome.Passed ? "" : ": " + string.Join("; ", outcome.Failures);
            output.Write($"  {(outcome.Passed ? "pass" : "FAIL")}  {outcome.Name}{why}\n");
        }

        // A rule set without tests is invalid for the service too; say so rather than report zero failures.
        RuleSetFiles.WriteProblems(output, file, report.Problems.Where(p => p.Path == "tests"));
    }
}
