using System.Collections;
using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Explanation;

/// <summary>
/// Where a rule set compares a customer field with something: the values it is compared with are the boundary
/// points a change of that field may cross. Read from the expression trees of tier conditions (a field against a
/// literal, a parameter, a score or another field; a field <c>in</c> a list; a true-or-false field tested) and of
/// scores (comparisons inside score expressions, the rows of a points table looked up by a field).
/// </summary>
/// <param name="Field">The customer field.</param>
/// <param name="Values">The values it is compared with, for the facts of a decision.</param>
internal sealed partial record Probe(string Field, Func<Facts, IEnumerable<object?>> Values)
{
    private static readonly object?[] Booleans = [true, false];

    [GeneratedRegex(@"^\s*customer\.([A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex DirectField();

    /// <summary>The probes of a condition's atoms, in the order written.</summary>
    public static IEnumerable<Probe> Of(ConditionNode condition) => condition.Atoms().SelectMany(Of);

    /// <summary>The probes of the comparisons inside a parsed score expression.</summary>
    public static IEnumerable<Probe> OfScore(Expression parsed, ConditionSplitter split) =>
        Comparisons.In(parsed).Select(split.Split).SelectMany(node => node.Atoms()).SelectMany(Of);

    /// <summary>The rows of a points table looked up directly by a customer field (<c>of: customer.x</c>).</summary>
    public static IEnumerable<Probe> OfTable(PointsTable table)
    {
        if (DirectField().Match(table.Of) is not { Success: true } match)
        {
            return [];
        }

        object?[] values =
            [.. table.Rows
                .SelectMany(row => new object?[] { row.EqualTo, row.Min, row.Max })
                .Where(v => v is not null)];
        return [new Probe(match.Groups[1].Value, _ => values)];
    }

    private static IEnumerable<Probe> Of(Atom atom)
    {
        if (atom.Operator is null)
        {
            return atom.Tested?.Field is { } tested ? [new Probe(tested, _ => Booleans)] : [];
        }

        var (left, right) = (atom.Operands[0], atom.Operands[1]);
        var probes = new List<Probe>(2);
        if (left.Field is { } field)
        {
            probes.Add(new Probe(field, facts => Flatten(right.Value(facts))));
        }

        if (right.Field is { } other && atom.Operator != "in")
        {
            probes.Add(new Probe(other, facts => Flatten(left.Value(facts))));
        }

        return probes;
    }

    private static IEnumerable<object?> Flatten(object? value) =>
        value is IEnumerable items and not string ? items.Cast<object?>() : [value];

    /// <summary>
    /// Every comparison inside an expression, outside lambdas (whose parameters only the lambda binds).
    /// </summary>
    private sealed class Comparisons : ExpressionVisitor
    {
        private readonly List<Expression> _found = [];

        public static List<Expression> In(Expression expression)
        {
            var walker = new Comparisons();
            walker.Visit(expression);
            return walker._found;
        }

        protected override Expression VisitBinary(BinaryExpression node)
        {
            if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan
                or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual)
            {
                _found.Add(node);
            }

            return base.VisitBinary(node);
        }

        protected override Expression VisitLambda<T>(Expression<T> node) => node;
    }
}
