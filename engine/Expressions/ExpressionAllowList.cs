using System.Linq.Expressions;
using System.Reflection;

namespace Decisions.Engine.Expressions;

/// <summary>
/// Walks a parsed expression tree and accepts only an allow-list of node kinds, types, members and methods.
/// Anything that reaches reflection, IO, processes, the environment, threads, the clock, randomness,
/// the host's culture or time zone (<see cref="HostIndependence"/>) or unbounded work (Range, Repeat,
/// SelectMany, PadLeft...) is rejected before the expression is compiled.
/// </summary>
internal sealed class ExpressionAllowList : ExpressionVisitor
{
    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(bool), typeof(int), typeof(long), typeof(decimal), typeof(double), typeof(char), typeof(string),
        typeof(DateOnly), typeof(DateTimeOffset), typeof(TimeSpan), typeof(DayOfWeek),
        typeof(StringComparison), typeof(MidpointRounding),
    ];

    private static readonly Dictionary<Type, HashSet<string>> Methods = new()
    {
        [typeof(string)] = ["Contains", "StartsWith", "EndsWith", "IndexOf", "Equals", "ToUpperInvariant",
            "ToLowerInvariant", "Trim", "TrimStart", "TrimEnd", "Substring", "IsNullOrEmpty", "IsNullOrWhiteSpace",
            "Concat", "get_Chars", "op_Equality", "op_Inequality"],
        [typeof(Math)] = ["Abs", "Min", "Max", "Round", "Floor", "Ceiling", "Sign", "Truncate"],
        [typeof(decimal)] = ["Round", "Floor", "Ceiling", "Truncate", "op_Addition", "op_Subtraction", "op_Multiply",
            "op_Division", "op_Modulus", "op_UnaryNegation", "op_Equality", "op_Inequality", "op_LessThan",
            "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual", "op_Implicit", "op_Explicit"],
        [typeof(Enumerable)] = ["Any", "All", "Count", "Contains", "Sum", "Min", "Max", "Average",
            "First", "FirstOrDefault", "Last", "LastOrDefault", "Where", "Select", "Distinct",
            "ElementAt", "ElementAtOrDefault"],
        [typeof(Days)] = ["Since", "UntilBirthday", "Age"],
        [typeof(Festivals)] = ["DaysUntil", "Next", "DaysUntilNext"],
        [typeof(DateOnly)] = ["AddDays", "AddMonths", "AddYears", "op_Equality", "op_Inequality", "op_LessThan",
            "op_LessThanOrEqual", "op_GreaterThan", "op_GreaterThanOrEqual"],
        [typeof(DateTimeOffset)] = ["op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual",
            "op_GreaterThan", "op_GreaterThanOrEqual"],
        [typeof(TimeSpan)] = ["op_Equality", "op_Inequality", "op_LessThan", "op_LessThanOrEqual", "op_GreaterThan",
            "op_GreaterThanOrEqual"],
    };

    private static readonly Dictionary<Type, HashSet<string>> Properties = new()
    {
        [typeof(string)] = ["Length"],
        [typeof(Array)] = ["Length"],
        [typeof(DateOnly)] = ["Year", "Month", "Day", "DayOfYear", "DayOfWeek", "DayNumber"],
        [typeof(DateTimeOffset)] = ["Year", "Month", "Day", "Hour", "Minute", "DayOfWeek"],
        [typeof(TimeSpan)] = ["Days", "TotalDays"],
    };

    // Overloads that compare with the current culture: they would make a decision depend on the machine.
    private static readonly HashSet<string> CultureSensitive = ["StartsWith", "EndsWith", "IndexOf"];

    private const int MaxArrayLiteral = 64;

    private readonly ExpressionScope _scope;
    private readonly DecisionEngineOptions _options;
    private readonly List<string> _violations = [];
    private int _nodes;
    private int _lambdaDepth;

    private ExpressionAllowList(ExpressionScope scope, DecisionEngineOptions options)
    {
        _scope = scope;
        _options = options;
    }

    /// <summary>Every violation found in <paramref name="expression"/>, or none.</summary>
    public static IReadOnlyList<string> Check(Expression expression, ExpressionScope scope,
        DecisionEngineOptions options)
    {
        var walker = new ExpressionAllowList(scope, options);
        walker.Visit(expression);
        return walker._violations.Distinct().ToList();
    }

    public override Expression? Visit(Expression? node)
    {
        if (node is null)
        {
            return null;
        }

        if (++_nodes == _options.MaxExpressionNodes + 1)
        {
            _violations.Add($"The expression has more than {_options.MaxExpressionNodes} parts.");
        }

        if (HostIndependence.Check(node) is { } hostDependent)
        {
            return Reject(hostDependent, node);
        }

        if (!IsAllowedType(node.Type))
        {
            _violations.Add($"Values of type '{_scope.Describe(node.Type)}' are not allowed in rule expressions.");
            return node;
        }

        return node.NodeType switch
        {
            ExpressionType.Constant or ExpressionType.Parameter or ExpressionType.Conditional
                or ExpressionType.Not or ExpressionType.Negate or ExpressionType.Convert
                or ExpressionType.ConvertChecked
                or ExpressionType.ArrayLength or ExpressionType.ArrayIndex or ExpressionType.Default
                or ExpressionType.AndAlso or ExpressionType.OrElse or ExpressionType.And or ExpressionType.Or
                or ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan
                or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual or ExpressionType.Coalesce
                or ExpressionType.Add or ExpressionType.Subtract or ExpressionType.Multiply or ExpressionType.Divide
                or ExpressionType.Modulo or ExpressionType.MemberAccess or ExpressionType.Call or ExpressionType.Lambda
                or ExpressionType.NewArrayInit or ExpressionType.New => base.Visit(node),
            _ => Reject($"'{node.NodeType}' expressions are not allowed in rule expressions.", node),
        };
    }

    protected override Expression VisitBinary(BinaryExpression node) =>
        node.Method is null || IsAllowedMethod(node.Method)
            ? base.VisitBinary(node)
            : Reject($"The operator '{node.Method.Name}' is not allowed.", node);

    protected override Expression VisitUnary(UnaryExpression node) =>
        node.Method is null || IsAllowedMethod(node.Method)
            ? base.VisitUnary(node)
            : Reject($"The conversion '{node.Method.Name}' is not allowed.", node);

    protected override Expression VisitMember(MemberExpression node)
    {
        var type = node.Member.DeclaringType!;
        var allowed = _scope.IsRecordType(type)
            ? _scope.IsRecordMember(type, node.Member.Name)
            : node.Expression is not null
              && Properties.TryGetValue(Nullable.GetUnderlyingType(type) ?? type, out var names)
              && names.Contains(node.Member.Name)
              || (Nullable.GetUnderlyingType(type) is not null && node.Member.Name is "HasValue" or "Value");
        return allowed
            ? base.VisitMember(node)
            : Reject($"'{_scope.Describe(type)}.{node.Member.Name}' is not allowed in rule expressions.", node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        IsAllowedMethod(node.Method)
            ? base.VisitMethodCall(node)
            : Reject($"Calling '{_scope.Describe(node.Method.DeclaringType!)}.{node.Method.Name}' is not allowed "
                + "in rule expressions.", node);

    protected override Expression VisitLambda<T>(Expression<T> node)
    {
        if (++_lambdaDepth > _options.MaxLambdaDepth)
        {
            _violations.Add($"Lambdas nest more than {_options.MaxLambdaDepth} deep.");
        }

        var result = base.VisitLambda(node);
        _lambdaDepth--;
        return result;
    }

    protected override Expression VisitNewArray(NewArrayExpression node) =>
        node.Expressions.Count <= MaxArrayLiteral
            ? base.VisitNewArray(node)
            : Reject($"A list literal may hold at most {MaxArrayLiteral} values.", node);

    protected override Expression VisitNew(NewExpression node) =>
        node.Type == typeof(DateOnly) || node.Type == typeof(decimal)
            ? base.VisitNew(node)
            : Reject($"Creating '{_scope.Describe(node.Type)}' objects is not allowed in rule expressions.", node);

    private Expression Reject(string violation, Expression node)
    {
        _violations.Add(violation);
        return node;
    }

    private bool IsAllowedType(Type type)
    {
        if (ValueTypes.Contains(type) || _scope.IsRecordType(type))
        {
            return true;
        }

        if (type.IsArray)
        {
            return IsAllowedType(type.GetElementType()!);
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return IsAllowedType(underlying);
        }

        if (!type.IsGenericType)
        {
            return false;
        }

        var definition = type.GetGenericTypeDefinition();
        return (definition == typeof(IEnumerable<>)
            || definition.FullName!.StartsWith("System.Func`", StringComparison.Ordinal))
            && type.GetGenericArguments().All(IsAllowedType);
    }

    private static bool IsAllowedMethod(MethodInfo method)
    {
        var type = method.DeclaringType!;
        if (!Methods.TryGetValue(type, out var names) || !names.Contains(method.Name))
        {
            return false;
        }

        if (type == typeof(string) && CultureSensitive.Contains(method.Name))
        {
            var parameters = method.GetParameters();
            return parameters.Length > 0
                && (parameters[0].ParameterType == typeof(char)
                    || parameters[^1].ParameterType == typeof(StringComparison));
        }

        return true;
    }
}
