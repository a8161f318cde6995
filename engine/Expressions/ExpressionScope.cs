using System.Linq.Expressions;

namespace Decisions.Engine.Expressions;

/// <summary>
/// The names an expression of one rule-set section may read (<c>customer</c>, <c>params</c>, <c>scores</c>,
/// <c>today</c>, <c>asOf</c>, and <c>tier</c> once it is decided) and how each maps onto
/// <see cref="Compilation.Facts"/>.
/// </summary>
internal sealed class ExpressionScope
{
    private readonly Dictionary<ParameterExpression, Expression> _bindings = [];
    private readonly Dictionary<Type, (string Role, IReadOnlySet<string> Members)> _recordTypes = [];
    private readonly Dictionary<ParameterExpression, LiftedRecord> _lifted = [];

    public ExpressionScope(ParameterExpression facts) => Facts = facts;

    public ParameterExpression Facts { get; }

    /// <summary>Format 2: absent values are null; <see cref="MissingValues"/> rewrites expressions.</summary>
    public bool MissingIsNull => _lifted.Count > 0;

    public IReadOnlyList<ParameterExpression> Parameters => [.. _bindings.Keys];

    public ExpressionScope Add(string name, Type type, string factsField, IReadOnlySet<string>? members = null)
    {
        Bind(name, type, factsField, members);
        return this;
    }

    /// <summary>
    /// A record the parser sees as <paramref name="type"/> (plain values) that is held at evaluation as
    /// <paramref name="nullableType"/>, whose properties are null for absent values (format 2).
    /// </summary>
    public ExpressionScope AddNullable(
        string name, Type type, Type nullableType, string factsField, IReadOnlySet<string> members, bool isCustomer)
    {
        var parameter = Bind(name, type, factsField, members);
        var access = Expression.Convert(Expression.Field(Facts, factsField), nullableType);
        _lifted[parameter] = new LiftedRecord(access, isCustomer);
        return this;
    }

    private ParameterExpression Bind(string name, Type type, string factsField, IReadOnlySet<string>? members)
    {
        var parameter = Expression.Parameter(type, name);
        var field = Expression.Field(Facts, factsField);
        _bindings[parameter] = field.Type == type ? field : Expression.Convert(field, type);
        if (members is not null)
        {
            _recordTypes[type] = (name, members);
        }

        return parameter;
    }

    /// <summary>The nullable record read in place of <paramref name="parameter"/> (format 2).</summary>
    public bool TryGetLifted(ParameterExpression parameter, out LiftedRecord record) =>
        _lifted.TryGetValue(parameter, out record!);

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

/// <summary>How a record with nullable properties is read from the facts, and whether it is the customer's.</summary>
internal sealed record LiftedRecord(Expression Access, bool IsCustomer);
