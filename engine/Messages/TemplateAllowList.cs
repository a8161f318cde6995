using Decisions.Engine.Model;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Decisions.Engine.Messages;

/// <summary>
/// Walks a parsed template and refuses what a message does not need and what would make a render's cost
/// unbounded by the template and its model: variables, functions, loops within loops, ranges, bit shifts,
/// powers, products that repeat a text without bound, and the built-ins <see cref="TemplateBuiltins"/> removes.
/// </summary>
internal static class TemplateAllowList
{
    // A product repeats a text this many times at most: the render then stops at the message length.
    private const int MaxFactor = 100;

    // isMemberTarget: the node is the target of a member access (date.add_days), not a call of date itself.
    public static void Check(
        ScriptNode node, string path, ICollection<Problem> problems, int loopDepth, bool isMemberTarget = false)
    {
        // One loop level: the loop limit bounds each loop, not loops within loops.
        loopDepth += node is ScriptForStatement ? 1 : 0;
        var refused = node switch
        {
            ScriptAssignExpression => "assigning variables",
            ScriptWhileStatement => "while loops",
            ScriptFunction or ScriptAnonymousFunction => "defining functions",
            ScriptCaptureStatement => "capture",
            ScriptImportStatement or ScriptWithStatement or ScriptWrapStatement => "import, with and wrap",
            ScriptTableRowStatement => "tablerow",
            ScriptBinaryExpression { Operator: ScriptBinaryOperator.RangeInclude or ScriptBinaryOperator.RangeExclude }
                => "ranges",
            ScriptBinaryExpression { Operator: ScriptBinaryOperator.ShiftLeft or ScriptBinaryOperator.ShiftRight }
                => "bit shifts",
            ScriptBinaryExpression { Operator: ScriptBinaryOperator.Power } => "powers",
            ScriptBinaryExpression { Operator: ScriptBinaryOperator.Multiply } multiply when !HasSmallFactor(multiply)
                => $"a product without a number literal of at most {MaxFactor} on one side (it would repeat a text)",
            ScriptForStatement when loopDepth > 1 => "nested loops",
            ScriptMemberExpression { Member: ScriptVariable { Name: "localDateTime" or "local_date_time" } }
                => "localDateTime, which converts a time to the host's time zone",
            ScriptVariableGlobal { Name: "date" } when !isMemberTarget
                => "date as a function, which parses a text with the host's clock and time zone",
            ScriptMemberExpression { Target: ScriptVariableGlobal { Name: var module },
                Member: ScriptVariable { Name: var member } }
                when TemplateBuiltins.Safe.TryGetValue(module, out var functions) && functions is ScriptObject available
                    && !available.ContainsKey(member)
                => $"{module}.{member}, which is not available to messages",
            _ => null,
        };
        if (refused is not null)
        {
            problems.Add(new Problem(path,
                $"Message templates may not use {refused} (line {node.Span.Start.Line + 1})."));
        }

        for (var i = 0; i < node.ChildrenCount; i++)
        {
            if (node.GetChildren(i) is { } child)
            {
                var isTarget = node is ScriptMemberExpression member && ReferenceEquals(member.Target, child);
                Check(child, path, problems, loopDepth, isTarget);
            }
        }
    }

    private static bool HasSmallFactor(ScriptBinaryExpression multiply) =>
        IsSmallFactor(multiply.Left) || IsSmallFactor(multiply.Right);

    private static bool IsSmallFactor(ScriptExpression? side) =>
        side is ScriptLiteral { Value: int factor } && Math.Abs(factor) <= MaxFactor;
}
