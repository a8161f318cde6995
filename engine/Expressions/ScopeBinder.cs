using System.Linq.Expressions;
using System.Reflection;
using Decisions.Engine.Compilation;

namespace Decisions.Engine.Expressions;

/// <summary>
/// Replaces the named parameters (<c>customer</c>, <c>params</c>...) by reads of the one <see cref="Facts"/>
/// argument and makes every unit of work spend from the decision's budget: each lambda call, each element an
/// <see cref="Enumerable"/> method visits, and the characters each string method reads. It also turns
/// <c>x in ("A", "B")</c>, which the parser builds as <c>new[] { "A", "B" }.Contains(x)</c> and so allocates an
/// array per call, into <c>x == "A" || x == "B"</c> (the same ordinal equality).
/// </summary>
internal sealed class ScopeBinder(ExpressionScope scope) : ExpressionVisitor
{
    private static readonly MethodInfo Spend = typeof(Facts).GetMethod(nameof(Facts.Spend))!;
    private static readonly MethodInfo Read = typeof(Facts).GetMethod(nameof(Facts.Read))!;

    // With the source alone these answer from an array's length or index, without visiting its elements.
    private static readonly HashSet<string> Constant =
        ["Count", "Any", "First", "FirstOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault"];

    // Constant time whatever the text's length.
    private static readonly HashSet<string> CheapText = ["IsNullOrEmpty", "get_Chars"];

    protected override Expression VisitParameter(ParameterExpression node) =>
        scope.TryGetBinding(node, out var binding) ? binding : node;

    protected override Expression VisitLambda<T>(Expression<T> node) =>
        node.Update(
            Expression.Block(Expression.Call(scope.Facts, Spend, Expression.Constant(1L)), Visit(node.Body)),
            node.Parameters);

    protected override Expression VisitBinary(BinaryExpression node) =>
        node.Method?.DeclaringType == typeof(string)
            ? node.Update(
                Metered(Visit(node.Left)), VisitAndConvert(node.Conversion, nameof(VisitBinary)),
                Metered(Visit(node.Right)))
            : base.VisitBinary(node);

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var method = node.Method;
        if (method.DeclaringType == typeof(Enumerable) && method.Name == nameof(Enumerable.Contains)
            && node.Arguments is [NewArrayExpression { Expressions: { Count: > 0 } values }, var item]
            && values.All(value => value is ConstantExpression))
        {
            var subject = Visit(item);
            return values.Select(value => (Expression)Expression.Equal(subject, value)).Aggregate(Expression.OrElse);
        }

        var constantTime = node.Arguments.Count == 1 && Constant.Contains(method.Name);
        if (method.DeclaringType == typeof(Enumerable) && !constantTime)
        {
            var parameters = method.GetParameters();
            return node.Update(
                null, node.Arguments.Select((argument, i) => Sequence(Visit(argument), parameters[i].ParameterType)));
        }

        if (method.DeclaringType == typeof(string) && !CheapText.Contains(method.Name))
        {
            var instance = node.Object is null ? null : Metered(Visit(node.Object));
            return node.Update(instance, node.Arguments.Select(argument => Metered(Visit(argument))));
        }

        return base.VisitMethodCall(node);
    }

    private Expression Sequence(Expression argument, Type parameter)
    {
        if (!parameter.IsGenericType || parameter.GetGenericTypeDefinition() != typeof(IEnumerable<>))
        {
            return argument;
        }

        var of = typeof(MeteredSequence<>).MakeGenericType(parameter.GetGenericArguments()).GetMethod("Of")!;
        return Expression.Call(of, argument, scope.Facts);
    }

    private Expression Metered(Expression operand) =>
        operand.Type == typeof(string) ? Expression.Call(scope.Facts, Read, operand) : operand;
}
