using System.Linq.Expressions;
using Decisions.Engine.Compilation;
using Decisions.Engine.Expressions;

namespace Decisions.Engine.Explanation;

/// <summary>
/// Splits a parsed, allow-listed condition into <see cref="ConditionNode"/>s: <c>&amp;&amp;</c> and <c>||</c> into
/// junctions, <c>!</c> into a negation, every comparison and <c>x in (...)</c> / <c>list.Contains(x)</c> into a
/// comparison atom and any other true-or-false expression into a test. Nothing is compiled until it is first used,
/// so rules never asked about cost nothing.
/// </summary>
internal sealed class ConditionSplitter(ExpressionScope scope, IReadOnlyDictionary<string, string> labels)
{
    private const string Customer = "customer.";

    /// <summary>The names the conditions split here may read.</summary>
    public ExpressionScope Scope => scope;

    public ConditionNode Split(Expression parsed) => parsed switch
    {
        BinaryExpression { NodeType: ExpressionType.AndAlso or ExpressionType.And } both
            when both.Type == typeof(bool) =>
            new Junction(all: true, [.. Flatten(both, both.NodeType).Select(Split)]),
        BinaryExpression { NodeType: ExpressionType.OrElse or ExpressionType.Or } either
            when either.Type == typeof(bool) =>
            new Junction(all: false, [.. Flatten(either, either.NodeType).Select(Split)]),
        UnaryExpression { NodeType: ExpressionType.Not } not when not.Type == typeof(bool) =>
            new Negation(Split(not.Operand)),
        BinaryExpression { NodeType: ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan
            or ExpressionType.LessThanOrEqual or ExpressionType.GreaterThan
            or ExpressionType.GreaterThanOrEqual } comparison =>
            new Atom(ExpressionText.Operator(comparison.NodeType), Holds(parsed),
                [Operand(comparison.Left), Operand(comparison.Right)], null),
        MethodCallExpression { Method.Name: nameof(Enumerable.Contains), Object: null,
            Arguments: [var list, var item] } contains when contains.Method.DeclaringType == typeof(Enumerable) =>
            new Atom("in", Holds(parsed), [Operand(item), Operand(list)], null),
        _ => new Atom(null, Holds(parsed), [], Operand(parsed)),
    };

    /// <summary>The operand <paramref name="expression"/>, compiled on first use.</summary>
    public OperandNode Operand(Expression expression)
    {
        var name = expression is ConstantExpression or NewArrayExpression ? null : ExpressionText.Of(expression);
        var reads = ScopeReads.Of(expression, scope);
        var label = name is not null && labels.TryGetValue(name, out var text) ? text : null;
        var field = name is not null && name.StartsWith(Customer, StringComparison.Ordinal)
            && ExpressionText.Strip(expression) is MemberExpression { Expression: ParameterExpression }
            ? name[Customer.Length..]
            : null;
        var invariant = reads.All(read => read == "params");
        return new OperandNode(name, label, field, invariant, new(() => Compile<object?>(expression)));
    }

    private Lazy<Func<Facts, bool>> Holds(Expression condition) => new(() => Compile<bool>(condition));

    /// <summary>
    /// With format 2 a part is lifted as its rule was, so that an absent input reads as null (shown as missing) and a
    /// comparison with it holds only when true, never as the zero the parser's plain types would give.
    /// </summary>
    private Func<Facts, T> Compile<T>(Expression expression)
    {
        if (scope.MissingIsNull)
        {
            var (lifted, _, refused) = MissingValues.Lift(expression, scope);
            expression = refused is not null || lifted is null
                ? Expression.Default(typeof(T))
                : typeof(T) == typeof(bool) ? MissingValues.IsTrue(lifted) : lifted;
        }

        var bound = new ScopeBinder(scope).Visit(expression);
        return Expression.Lambda<Func<Facts, T>>(
            bound.Type == typeof(T) ? bound : Expression.Convert(bound, typeof(T)), scope.Facts).Compile();
    }

    private static IEnumerable<Expression> Flatten(BinaryExpression node, ExpressionType type) =>
        new[] { node.Left, node.Right }.SelectMany(side => side is BinaryExpression inner && inner.NodeType == type
            ? Flatten(inner, type)
            : [side]);

    /// <summary>The names of the scope (<c>customer</c>, <c>params</c>...) an expression reads.</summary>
    private sealed class ScopeReads(ExpressionScope scope) : ExpressionVisitor
    {
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);

        public static HashSet<string> Of(Expression expression, ExpressionScope scope)
        {
            var reads = new ScopeReads(scope);
            reads.Visit(expression);
            return reads._names;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            if (scope.TryGetBinding(node, out _))
            {
                _names.Add(node.Name!);
            }

            return node;
        }
    }
}
