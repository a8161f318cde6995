using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Comparison;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Cli;

/// <summary>
/// <c>decisions diff OLD NEW [--json]</c>: the rule-level diff the service answers for two versions (rules matched
/// by code, so a moved rule is no change), as text or as the service's JSON. Exit 1 when a file does not parse.
/// </summary>
internal static class DiffCommand
{
    private static readonly JsonSerializerOptions Compact = new(ApiJson.Options) { WriteIndented = false };

    public static Command Create(ToolContext context)
    {
        var before = new Argument<string>("old") { Description = "The earlier rule-set file" };
        var after = new Argument<string>("new") { Description = "The later rule-set file" };
        var json = new Option<bool>("--json") { Description = "Print the changes as the service's JSON" };
        var command = new Command("diff", "Show the rule-level changes between two rule-set files")
        {
            before, after, json,
        };
        command.SetAction(parsed =>
            Run(parsed.GetRequiredValue(before), parsed.GetRequiredValue(after), parsed.GetValue(json), context));
        return command;
    }

    private static int Run(string beforePath, string afterPath, bool json, ToolContext context)
    {
        if (RuleSetFiles.ReadAll([beforePath, afterPath], context) is not [var beforeFile, var afterFile])
        {
            return ExitCodes.Usage;
        }

        var (before, after) = (Parse(beforeFile, context), Parse(afterFile, context));
        if (before is null || after is null)
        {
            return ExitCodes.Invalid;
        }

        var changes = RuleSetDiff.Compare(before, after);
        if (json)
        {
            ApiJson.Write(context.Output, changes);
            return ExitCodes.Success;
        }

        context.Output.Write(string.Create(CultureInfo.InvariantCulture,
            $"{before.Name} version {before.Version} -> {after.Name} version {after.Version}: "
            + $"{changes.Count} changes\n"));
        foreach (var change in changes)
        {
            Write(context.Output, change);
        }

        return ExitCodes.Success;
    }

    private static RuleSet? Parse(RuleSetFile file, ToolContext context)
    {
        var (ruleSet, problem) = RuleSetJson.Parse(file.Text);
        if (problem is not null)
        {
            RuleSetFiles.WriteProblems(context.Output, file, [problem]);
        }

        return ruleSet;
    }

    /// <summary>
    /// One line per change, then one per changed field with its value before and after, so that a reviewer reads
    /// a changed threshold without opening either file.
    /// </summary>
    private static void Write(TextWriter output, RuleChange change)
    {
        output.Write($"{change.Kind,-8} {change.Section} {change.Key}\n");
        if (change.Kind != "changed")
        {
            return;
        }

        if (change.Fields.Count == 0)
        {
            output.Write($"    {Text(change.Before)} -> {Text(change.After)}\n");
        }

        foreach (var field in change.Fields)
        {
            output.Write($"    {field}: {Text(change.Before?[field])} -> {Text(change.After?[field])}\n");
        }
    }

    private static string Text(JsonNode? node) => node is null ? "(none)" : node.ToJsonString(Compact);
}
