using System.CommandLine;
using System.Globalization;

namespace Decisions.Cli;

/// <summary>
/// <c>decisions validate FILE...</c>: the checks a draft meets in the service (format, structure, expressions,
/// templates and the embedded tests), each problem with its JSON path; exit 1 when any file has one.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(ToolContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Rule-set files", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check rule-set files as the service checks a draft") { files };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(files), context));
        return command;
    }

    private static int Run(IEnumerable<string> paths, ToolContext context)
    {
        if (RuleSetFiles.ReadAll(paths, context) is not { } files)
        {
            return ExitCodes.Usage;
        }

        var invalid = 0;
        foreach (var file in files)
        {
            var report = RuleSetFiles.Validate(file);
            if (report.IsValid)
            {
                var ruleSet = report.Compiled!.Ref;
                context.Output.Write(string.Create(CultureInfo.InvariantCulture,
                    $"{file.Path}: valid ({ruleSet.Name} version {ruleSet.Version}, "
                    + $"{report.Tests!.Passed} tests passed)\n"));
                continue;
            }

            invalid++;
            RuleSetFiles.WriteProblems(context.Output, file, report.Problems);
        }

        context.Output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count - invalid} valid, {invalid} invalid\n"));
        return invalid == 0 ? ExitCodes.Success : ExitCodes.Invalid;
    }
}
