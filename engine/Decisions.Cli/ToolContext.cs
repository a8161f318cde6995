namespace Decisions.Cli;

/// <summary>
/// What the tool reads and writes outside its arguments: its two output streams, the environment variables and
/// the clock (the default decision time of <c>simulate</c>). Tests give their own to run the tool in-process.
/// </summary>
public sealed record ToolContext(
    TextWriter Output, TextWriter Error, Func<string, string?> Environment, TimeProvider Clock)
{
    /// <summary>The process's console, environment and system clock.</summary>
    public static ToolContext FromProcess() =>
        new(Console.Out, Console.Error, System.Environment.GetEnvironmentVariable, TimeProvider.System);
}
