using System.Linq.Expressions;
using Decisions.Engine.Compilation;

namespace Decisions.Engine.Expressions;

/// <summary>
/// Rewrites a parsed expression for format 2, DMN FEEL's missing values. The parser sees the customer and
/// scores as plain typed records; here each read of them becomes a read of the record that holds null for an
/// absent value, and null flows upward: a comparison, arithmetic, <c>!</c>, a member or a method of null is
/// null; <c>&amp;&amp;</c> and <c>||</c> are three-valued (false &amp;&amp; null is false, true || null is true);
/// <c>==</c> and <c>!=</c> treat null as a value (null == null is true, 1 == null is false), as FEEL does; a
/// condition <c>c ? a : b</c> takes <c>b</c> when <c>c</c> is null. The caller decides what a null result means:
/// a condition holds only when it is true. The names of the customer fields read are collected, so a decision
/// can list the absent inputs that kept a rule from matching.
/// </summary>
internal sealed partial class MissingValues : ExpressionVisitor
{
    private readonly ExpressionScope _scope;
    private readonly SortedSet<string> _reads = new(StringComparer.Ordinal);
    private string? _refused;

    private MissingValues(ExpressionScope scope) => _scope = scope;

    /// <summary>
    /// The rewritten expression (its type lifted to nullable where a value may be unknown) and the customer
    /// fields it reads, or null with why the expression cannot be evaluated with missing values.
    /// </summary>
    public static (Expression? Lifted, IReadOnlyList<string> Reads, string? Refused) Lift(
        Expression parsed, ExpressionScope scope)
    {
        var lifter = new MissingValues(scope);
        Expression? lifted;
        try
        {
            lifted = lifter.Visit(parsed);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException)
        {
            lifted = null;
            lifter._refused ??= exception.Message;
        }

        return lifter._refused is null
            ? (lifted, [.. lifter._reads], null)
            : (null, [],
                "With format 2 an absent value is null, which this expression cannot take: " + lifter._refused);
    }

    /// <summary>Whether <paramref name="expression"/> (of a lifted tree) is true: an unknown one is not.</summary>
    public static Expression IsTrue(Expression expression) =>
        expression.Type == typeof(bool?)
            ? Expression.Equal(expression, Expression.Constant(true, typeof(bool?)))
            : expression;

    /// <summary>Whether <paramref name="expression"/> (of a lifted tree) is unknown (null).</summary>
    public static Expression IsUnknown(Expression expression) =>
        expression.Type == typeof(bool?)
            ? Expression.Equal(expression, Expression.Constant(null, typeof(bool?)))
            : Expression.Constant(false);

    protected override Expression VisitParameter(ParameterExpression node)
    {
        if (_scope.TryGetLifted(node, out _))
        {
            _refused ??= $"'{node.Name}' is read as a whole; read one of its fields.";
        }

        return node;
    }

    protected override Expression VisitMember(MemberExpression node)
    {
        if (node.Expression is ParameterExpression record && _scope.TryGetLifted(record, out var lifted))
        {
            if (lifted.IsCustomer)
            {
                _reads.Add("customer." + node.Member.Name);
            }

            return Expression.Property(lifted.Access, node.Member.Name);
        }

        var target = node.Expression is null ? null : Visit(node.Expression);
        if (target is null || !MayBeNull(target))
        {
            return node.Update(target);
        }

        // x.Value of an absent x is null, not an error; HasValue is read as written.
        return !IsNullable(node.Expression!.Type)
            ? Propagate([target], values => Expression.MakeMemberAccess(values[0], node.Member))
            : node.Member.Name == nameof(Nullable<int>.Value) ? target
            : node.Update(target);
    }

    protected override Expression VisitUnary(UnaryExpression node)
    {
        var operand = Visit(node.Operand);
        if (operand.Type == node.Operand.Type && !(MayBeNull(operand) && node.NodeType == ExpressionType.ArrayLength))
        {
            return node.Update(operand);
        }

        return node.NodeType switch
        {
            ExpressionType.ArrayLength => Propagate([operand], values => Expression.ArrayLength(values[0])),
            ExpressionType.Convert or ExpressionType.ConvertChecked => Expression.MakeUnary(
                node.NodeType,
                operand,
                IsNullable(operand.Type) ? FieldValue.Nullable(node.Type) : node.Type,
                node.Method),
            _ => Expression.MakeUnary(node.NodeType, operand, FieldValue.Nullable(node.Type), node.Method),
        };
    }

    protected override Expression VisitBinary(BinaryExpression node)
    {
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        if (node.NodeType == ExpressionType.ArrayIndex)
        {
            return Propagate([left, right], values => Expression.ArrayIndex(values[0], values[1]));
        }

        // The parser compares int? with int (Days.Since(...) > 30) as C# does, false for null: FEEL says null.
        var comparison = node.NodeType is ExpressionType.LessThan or ExpressionType.LessThanOrEqual
            or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual;
        var unchanged = left.Type == node.Left.Type && right.Type == node.Right.Type;
        if (unchanged && !(comparison && !node.IsLiftedToNull && (IsNullable(left.Type) || IsNullable(right.Type))))
        {
            return node.Update(left, node.Conversion, right);
        }

        if (node.NodeType == ExpressionType.Coalesce)
        {
            return Expression.Coalesce(left, right);
        }

        var equality = node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual;
        return Expression.MakeBinary(
            node.NodeType, ToNullable(left), ToNullable(right), liftToNull: !equality, node.Method);
    }
}
