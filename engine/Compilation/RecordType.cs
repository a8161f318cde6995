using System.Linq.Dynamic.Core;
using System.Linq.Expressions;

namespace Decisions.Engine.Compilation;

/// <summary>
/// A class generated for a schema (customer input, parameters, scores) so that expressions are typed and
/// fast. System.Linq.Dynamic.Core generates it and reuses it for an identical schema.
/// </summary>
internal sealed class RecordType
{
    private readonly Func<object> _create;

    private RecordType(Type type, IReadOnlySet<string> members)
    {
        Type = type;
        Members = members;
        _create = Expression.Lambda<Func<object>>(Expression.New(type)).Compile();
    }

    public Type Type { get; }

    public IReadOnlySet<string> Members { get; }

    public static RecordType Create(IEnumerable<(string Name, Type Type)> properties)
    {
        var list = properties.Select(property => new DynamicProperty(property.Name, property.Type)).ToList();
        var type = DynamicClassFactory.CreateType(list, createParameterCtor: false);
        return new RecordType(type, list.Select(property => property.Name).ToHashSet(StringComparer.Ordinal));
    }

    public object New() => _create();

    public Action<object, T> Setter<T>(string name)
    {
        var target = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(T));
        var property = Expression.Property(Expression.Convert(target, Type), name);
        var assigned = value.Type == property.Type ? (Expression)value : Expression.Convert(value, property.Type);
        return Expression.Lambda<Action<object, T>>(Expression.Assign(property, assigned), target, value).Compile();
    }

    public Func<object, object?> Getter(string name)
    {
        var target = Expression.Parameter(typeof(object));
        var property = Expression.Property(Expression.Convert(target, Type), name);
        return Expression.Lambda<Func<object, object?>>(Expression.Convert(property, typeof(object)), target).Compile();
    }
}
