using System.Linq.Expressions;
using System.Reflection;
using Decisions.Engine.Compilation;

namespace Decisions.Engine.Expressions;

internal sealed partial class MissingValues
{
    // Methods that take null as a value and answer for it: Days.* return null for an absent date.
    private static readonly HashSet<string> NullAwareText =
        [nameof(string.IsNullOrEmpty), nameof(string.IsNullOrWhiteSpace), nameof(string.Concat), nameof(string.Equals)];

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        var instance = node.Object is null ? null : Visit(node.Object);
        var arguments = node.Arguments.Select(argument => Visit(argument)).ToList();
        if (IsNullAware(node.Method))
        {
            return node.Update(instance, arguments);
        }

        List<Expression> operands = instance is null ? arguments : [instance, .. arguments];
        return Propagate(operands, values => instance is null
            ? Expression.Call(node.Method, values)
            : Expression.Call(values[0], node.Method, values.Skip(1)));
    }

    protected override Expression VisitConditional(ConditionalExpression node)
    {
        var test = IsTrue(Visit(node.Test));
        var ifTrue = Visit(node.IfTrue);
        var ifFalse = Visit(node.IfFalse);
        if (ifTrue.Type != ifFalse.Type)
        {
            ifTrue = ToNullable(ifTrue);
            ifFalse = ToNullable(ifFalse);
        }

        return Expression.Condition(test, ifTrue, ifFalse);
    }

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        var body = Visit(node.Body);
        if (body.Type == node.Body.Type)
        {
            return node.Update(body, node.Parameters);
        }

        if (node.Body.Type == typeof(bool))
        {
            // Inside x => ..., an unknown condition is not true, as a rule's condition is.
            return node.Update(IsTrue(body), node.Parameters);
        }

        _refused ??= "a value computed inside x => ... depends on an absent input; compare it in the lambda instead.";
        return node;
    }

    private static bool IsNullAware(MethodInfo method) =>
        method.DeclaringType == typeof(Days)
        || (method.DeclaringType == typeof(string) && method.IsStatic && NullAwareText.Contains(method.Name));

    /// <summary>
    /// <paramref name="build"/> over <paramref name="operands"/>, or null when one of them that may be null is:
    /// each such operand is evaluated once into a variable, and unwrapped from its nullable type.
    /// </summary>
    private static Expression Propagate(List<Expression> operands, Func<Expression[], Expression> build)
    {
        var variables = new List<ParameterExpression>();
        var steps = new List<Expression>();
        Expression? anyNull = null;
        var values = new Expression[operands.Count];
        for (var i = 0; i < operands.Count; i++)
        {
            var operand = operands[i];
            if (operand is LambdaExpression || !MayBeNull(operand))
            {
                values[i] = operand;
                continue;
            }

            var variable = Expression.Variable(operand.Type);
            variables.Add(variable);
            steps.Add(Expression.Assign(variable, operand));
            var isNull = Expression.Equal(variable, Expression.Constant(null, operand.Type));
            anyNull = anyNull is null ? isNull : Expression.OrElse(anyNull, isNull);
            values[i] = IsNullable(operand.Type)
                ? Expression.Property(variable, nameof(Nullable<int>.Value))
                : variable;
        }

        var result = build(values);
        if (anyNull is null)
        {
            return result;
        }

        var type = FieldValue.Nullable(result.Type);
        steps.Add(Expression.Condition(anyNull, Expression.Default(type), ToNullable(result)));
        return Expression.Block(type, variables, steps);
    }

    private static bool MayBeNull(Expression expression) =>
        IsNullable(expression.Type) || (!expression.Type.IsValueType && !NeverNull(expression));

    // Lambda parameters are list items, never null; list methods other than ...OrDefault return a value.
    private static bool NeverNull(Expression expression) => expression switch
    {
        ConstantExpression constant => constant.Value is not null,
        ParameterExpression or NewArrayExpression => true,
        MemberExpression { Expression: ParameterExpression } => true,
        MethodCallExpression call => call.Method.DeclaringType == typeof(string)
            || (call.Method.DeclaringType == typeof(Enumerable)
                && !call.Method.Name.EndsWith("OrDefault", StringComparison.Ordinal)),
        _ => false,
    };

    private static bool IsNullable(Type type) => System.Nullable.GetUnderlyingType(type) is not null;

    private static Expression ToNullable(Expression expression) =>
        expression.Type == FieldValue.Nullable(expression.Type)
            ? expression
            : Expression.Convert(expression, FieldValue.Nullable(expression.Type));
}
