using Decisions.Engine.Expressions;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// Compiles a score: a numeric expression, or a points table looked up by the value of its <c>of</c> expression.
/// </summary>
internal sealed class ScoreCompiler(RuleExpressionCompiler expressions, ExpressionScope scope, List<Problem> problems)
{
    /// <summary>
    /// The score, null with format 2 when its expression depends on an absent value (a table looked up with an
    /// absent value takes its default); <paramref name="reads"/> lists the customer fields it reads (format 2).
    /// </summary>
    public Func<Facts, decimal?>? Compile(ScoreRule rule, string path, out IReadOnlyList<string> reads)
    {
        reads = [];
        if ((rule.Expression is null) == (rule.Table is null))
        {
            problems.Add(new Problem(path, "A score needs exactly one of 'expression' and 'table'."));
            return null;
        }

        return rule.Expression is not null
            ? expressions.CompileNumber(rule.Expression, path + ".expression", scope, problems, out reads)
            : CompileTable(rule.Table!, path + ".table", out reads);
    }

    private Func<Facts, decimal?>? CompileTable(PointsTable table, string path, out IReadOnlyList<string> reads)
    {
        reads = [];
        var type = expressions.TypeOf(table.Of, path + ".of", scope, problems);
        if (type is null)
        {
            return null;
        }

        var byText = type == typeof(string);
        var before = problems.Count;
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            var rowPath = $"{path}.rows[{i}]";
            if (byText && (row.EqualTo is null || row.Min is not null || row.Max is not null))
            {
                problems.Add(new Problem(rowPath,
                    "The table looks up a text: each row needs 'equals' and no 'min' or 'max'."));
            }
            else if (!byText && (row.EqualTo is not null || row is { Min: null, Max: null }))
            {
                problems.Add(new Problem(rowPath,
                    "The table looks up a number: each row needs 'min', 'max' or both, and no 'equals'."));
            }
            else if (row is { Min: { } min, Max: { } max } && max <= min)
            {
                problems.Add(new Problem(rowPath, "'max' must be above 'min'."));
            }
        }

        if (problems.Count > before)
        {
            return null;
        }

        var rows = table.Rows.ToArray();
        var fallback = table.Default;
        if (byText)
        {
            var text = expressions.CompileText(table.Of, path + ".of", scope, problems, out reads);
            return text is null ? null : facts =>
            {
                var value = text(facts);
                return Array.Find(rows, row => row.EqualTo == value)?.Points ?? fallback;
            };
        }

        // A null value (format 2) is in no row: the table's default, as a FEEL decision table's.
        var number = expressions.CompileNumber(table.Of, path + ".of", scope, problems, out reads);
        return number is null ? null : facts =>
        {
            var value = number(facts);
            return Array.Find(rows,
                row => (row.Min is null || value >= row.Min) && (row.Max is null || value < row.Max))?.Points
                ?? fallback;
        };
    }
}
