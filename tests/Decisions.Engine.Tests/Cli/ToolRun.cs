using System.Text.Json.Nodes;
using Decisions.Cli;

namespace Decisions.Engine.Tests.Cli;

/// <summary>One run of the <c>decisions</c> tool in-process: its exit code and what it wrote to each stream.</summary>
internal sealed record ToolRun(int Code, string Output, string Error)
{
    /// <summary>
    /// The tool's clock for runs without <c>--as-of</c>: fixed, so that their output can be compared.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2026, 7, 15, 2, 0, 0, TimeSpan.Zero);

    public static async Task<ToolRun> Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new ToolContext(output, error, _ => null, new FixedClock(Now));
        var code = await DecisionsTool.RunAsync(args, context);
        return new ToolRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A seed rule-set file, e.g. <c>retail-tiering/v2.json</c>, by its full path.</summary>
    public static string Seed(string relativePath) => Path.Combine(RuleSetFiles.RuleSetsFolder, relativePath);

    /// <summary>A copy of a seed, changed by <paramref name="edit"/>, in a new temporary folder.</summary>
    public static string BrokenCopy(string relativePath, Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(RuleSetFiles.Read(relativePath))!.AsObject();
        edit(json);
        return Write(relativePath.Replace('/', '-'), json.ToJsonString());
    }

    /// <summary>A file of the given text in a new temporary folder.</summary>
    public static string Write(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("decisions-cli-").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
