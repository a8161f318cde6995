using System.CommandLine;
using System.CommandLine.Help;

namespace Decisions.Cli;

/// <summary>
/// The <c>decisions</c> command: rule-set files checked, tested, compared and simulated with the engine itself,
/// without a server, and pushed to the service as drafts. The entry point tests run in-process.
/// </summary>
public static class DecisionsTool
{
    /// <summary>Runs one command line and returns its exit code (<see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, ToolContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("Rule sets as code: validate, test, diff and simulate rule-set files; push drafts.")
        {
            ValidateCommand.Create(context),
            TestCommand.Create(context),
            DiffCommand.Create(context),
            SimulateCommand.Create(context),
            PushCommand.Create(context),
        };
        // No response files: '@FILE' is how --customer names a file, as curl's -d does.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            // Usage errors get an exit code of their own, apart from an invalid rule set's 1.
            foreach (var error in parsed.Errors)
            {
                context.Error.Write($"decisions: {error.Message}\n");
            }

            context.Error.Write("Run 'decisions --help' for the commands and their options.\n");
            return ExitCodes.Usage;
        }

        var invocation = new InvocationConfiguration { Output = context.Output, Error = context.Error };
        return await parsed.InvokeAsync(invocation, cancellationToken);
    }
}
