using System.Linq.Expressions;
using System.Runtime.CompilerServices;

namespace Decisions.Engine.Explanation;

/// <summary>
/// Writes a parsed rule expression back as a rule author would read it (<c>customer.productsHeld.Length</c>,
/// <c>tier in ("VIP", "TARGET")</c>, <c>Days.Since(customer.lastTransactionDate, today)</c>), without the
/// conversions the parser inserts. Only for naming operands in explanations; never parsed again.
/// </summary>
internal static class ExpressionText
{
    public static string Of(Expression node) => node switch
    {
        ConstantExpression constant => ConditionText.Format(constant.Value, quote: true, grouped: false),
        ParameterExpression parameter => parameter.Name ?? "it",
        UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary =>
            Of(unary.Operand),
        UnaryExpression { NodeType: ExpressionType.ArrayLength } unary => Of(unary.Operand) + ".Length",
        UnaryExpression { NodeType: ExpressionType.Not } unary => "!" + Inner(unary.Operand),
        UnaryExpression { NodeType: ExpressionType.Negate } unary => "-" + Inner(unary.Operand),
        MemberExpression { Expression: null } member => $"{member.Member.DeclaringType?.Name}.{member.Member.Name}",
        MemberExpression member => $"{Of(member.Expression)}.{member.Member.Name}",
        BinaryExpression { NodeType: ExpressionType.ArrayIndex } index => $"{Of(index.Left)}[{Of(index.Right)}]",
        BinaryExpression binary => $"{Inner(binary.Left)} {Operator(binary.NodeType)} {Inner(binary.Right)}",
        ConditionalExpression conditional =>
            $"{Inner(conditional.Test)} ? {Inner(conditional.IfTrue)} : {Inner(conditional.IfFalse)}",
        MethodCallExpression call => Call(call),
        LambdaExpression lambda => $"{string.Join(", ", lambda.Parameters.Select(Of))} => {Of(lambda.Body)}",
        NewArrayExpression array => $"({string.Join(", ", array.Expressions.Select(Of))})",
        _ => node.ToString(),
    };

    /// <summary>The operator of a comparison or arithmetic node as the expression language writes it.</summary>
    public static string Operator(ExpressionType type) => type switch
    {
        ExpressionType.Equal => "==",
        ExpressionType.NotEqual => "!=",
        ExpressionType.LessThan => "<",
        ExpressionType.LessThanOrEqual => "<=",
        ExpressionType.GreaterThan => ">",
        ExpressionType.GreaterThanOrEqual => ">=",
        ExpressionType.AndAlso or ExpressionType.And => "&&",
        ExpressionType.OrElse or ExpressionType.Or => "||",
        ExpressionType.Add => "+",
        ExpressionType.Subtract => "-",
        ExpressionType.Multiply => "*",
        ExpressionType.Divide => "/",
        ExpressionType.Modulo => "%",
        ExpressionType.Coalesce => "??",
        _ => type.ToString(),
    };

    private static string Inner(Expression node)
    {
        var text = Of(node);
        return Strip(node) is BinaryExpression { NodeType: not ExpressionType.ArrayIndex } or ConditionalExpression
            ? $"({text})"
            : text;
    }

    /// <summary>The node without the conversions the parser wraps around it.</summary>
    public static Expression Strip(Expression node) =>
        node is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } unary
            ? Strip(unary.Operand)
            : node;

    private static string Call(MethodCallExpression call)
    {
        var name = call.Method.Name;
        if (name == nameof(Enumerable.Contains) && call.Object is null
            && call.Arguments is [NewArrayExpression values, var item])
        {
            return $"{Inner(item)} in {Of(values)}";
        }

        var arguments = call.Arguments.Select(Of).ToList();
        if (call.Object is not null)
        {
            return $"{Inner(call.Object)}.{name}({string.Join(", ", arguments)})";
        }

        return call.Method.IsDefined(typeof(ExtensionAttribute), inherit: false) && arguments.Count > 0
            ? $"{Inner(call.Arguments[0])}.{name}({string.Join(", ", arguments.Skip(1))})"
            : $"{call.Method.DeclaringType?.Name}.{name}({string.Join(", ", arguments)})";
    }
}
