using Decisions.Engine;
using Decisions.Engine.Model;
using Decisions.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Cli;

/// <summary>A rule-set file as given on the command line: the path as the user wrote it, and its text.</summary>
internal sealed record RuleSetFile(string Path, string Text);

/// <summary>Reads rule-set files and validates them with the engine, configured as the service configures it.</summary>
internal static class RuleSetFiles
{
    private static readonly Lazy<RuleSetValidator> Validator = new(() =>
    {
        // The engine's own registration, with its default limits: the checks a draft meets in the service.
        var services = new ServiceCollection().AddDecisionEngine().BuildServiceProvider();
        return services.GetRequiredService<RuleSetValidator>();
    });

    /// <summary>The file's text, or null after saying on the error stream why it cannot be read.</summary>
    public static RuleSetFile? Read(string path, ToolContext context)
    {
        try
        {
            return new RuleSetFile(path, File.ReadAllText(path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Error.Write($"decisions: cannot read '{path}': {exception.Message}\n");
            return null;
        }
    }

    /// <summary>Every file, or null when one of them cannot be read (each failure already said).</summary>
    public static IReadOnlyList<RuleSetFile>? ReadAll(IEnumerable<string> paths, ToolContext context)
    {
        var files = paths.Select(path => Read(path, context)).ToList();
        return files.Any(file => file is null) ? null : [.. files.OfType<RuleSetFile>()];
    }

    public static ValidationReport Validate(RuleSetFile file) => Validator.Value.Validate(file.Text);

    /// <summary>Writes each problem as <c>FILE: error PATH: MESSAGE</c>, the form editors and CI logs link.</summary>
    public static void WriteProblems(TextWriter output, RuleSetFile file, IEnumerable<Problem> problems)
    {
        foreach (var problem in problems)
        {
            var at = problem.Path.Length == 0 ? "" : problem.Path + ": ";
            output.Write($"{file.Path}: error {at}{problem.Message}\n");
        }
    }
}
