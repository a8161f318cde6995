using System.Linq.Expressions;

namespace Decisions.Engine.Expressions;

/// <summary>
/// The names an expression of one rule-set section may read (<c>customer</c>, <c>params</c>, <c>scores</c>,
/// <c>today</c>, <c>asOf</c>, and <c>tier</c> once it is decided) and how each maps onto <see cref="Compilation.Facts"/>.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly Dictionary<ParameterExpression, Expression> _bindings = [];
    private readonly Dictionary<Type, (string Role, IReadOnlySet<string> Members)> _recordTypes = [];

    public ExpressionScope(ParameterExpression facts) => Facts = facts;

    public ParameterExpression Facts { get; }

    public IReadOnlyList<ParameterExpression> Parameters => [.. _bindings.Keys];

    public ExpressionScope Add(string name, Type type, string factsField, IReadOnlySet<string>? members = null)
    {
        var field = Expression.Field(Facts, factsField);
        _bindings[Expression.Parameter(type, name)] = field.Type == type ? field : Expression.Convert(field, type);
        if (members is not null)
        {
            _recordTypes[type] = (name, members);
        }

        return this;
    }

    public bool TryGetBinding(ParameterExpression parameter, out Expression binding) =>
        _bindings.TryGetValue(parameter, out binding!);

    /// <summary>Whether <paramref name="type"/> is one of the generated input, parameter or score types.</summary>
    public bool IsRecordType(Type type) => _recordTypes.ContainsKey(type);

    public bool IsRecordMember(Type type, string member) =>
        _recordTypes.TryGetValue(type, out var record) && record.Members.Contains(member);

    /// <summary>A readable name for a type in messages: the role of a generated type, else the CLR name.</summary>
    public string Describe(Type type) =>
        _recordTypes.TryGetValue(type, out var record) ? record.Role : type.Name;

    /// <summary>Replaces generated type names in parser messages with the role they play.</summary>
    public string Humanize(string message)
    {
        foreach (var (type, record) in _recordTypes)
        {
            message = message.Replace($"'{type.Name}'", $"'{record.Role}'", StringComparison.Ordinal);
        }

        return message;
    }
}
