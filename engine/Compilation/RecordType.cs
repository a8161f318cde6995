using System.Linq.Expressions;
using System.Reflection;
using System.Reflection.Emit;

namespace Decisions.Engine.Compilation;

/// <summary>
/// A plain class with one public property per field, emitted for a schema (customer input, parameters,
/// scores) so that expressions are typed and as fast as hand-written code. It has no other members, so an
/// unknown field is a parse error rather than a dynamic lookup. Each class lives in its own collectible
/// assembly and nothing static refers to it: once the rule set compiled with it is dropped (a validated
/// draft, an old version), the class is unloaded, so memory stays flat however many schemas are validated.
/// </summary>
internal sealed class RecordType
{
    private static int _count;

    private readonly Func<object> _create;

    private RecordType(Type type, IReadOnlySet<string> members)
    {
        Type = type;
        Members = members;
        _create = Expression.Lambda<Func<object>>(Expression.New(type)).Compile();
    }

    public Type Type { get; }

    public IReadOnlySet<string> Members { get; }

    public static RecordType Create(IEnumerable<(string Name, Type Type)> properties) => Emit([.. properties]);

    public object New() => _create();

    public Action<object, T> Setter<T>(string name)
    {
        var target = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(T));
        var property = Expression.Property(Expression.Convert(target, Type), name);
        var assigned = value.Type == property.Type ? (Expression)value : Expression.Convert(value, property.Type);
        return Expression.Lambda<Action<object, T>>(Expression.Assign(property, assigned), target, value).Compile();
    }

    private static RecordType Emit(List<(string Name, Type Type)> properties)
    {
        var typeName = $"Record{Interlocked.Increment(ref _count)}";
        var builder = AssemblyBuilder
            .DefineDynamicAssembly(new AssemblyName(typeName), AssemblyBuilderAccess.RunAndCollect)
            .DefineDynamicModule(typeName)
            .DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class);

        const MethodAttributes accessor = MethodAttributes.Public | MethodAttributes.SpecialName
            | MethodAttributes.HideBySig;
        foreach (var (name, type) in properties)
        {
            var field = builder.DefineField("_" + name, type, FieldAttributes.Private);
            var property = builder.DefineProperty(name, PropertyAttributes.None, type, null);
            var getter = builder.DefineMethod("get_" + name, accessor, type, Type.EmptyTypes);
            var il = getter.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldfld, field);
            il.Emit(OpCodes.Ret);
            var setter = builder.DefineMethod("set_" + name, accessor, null, [type]);
            il = setter.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Stfld, field);
            il.Emit(OpCodes.Ret);
            property.SetGetMethod(getter);
            property.SetSetMethod(setter);
        }

        var members = properties.Select(property => property.Name).ToHashSet(StringComparer.Ordinal);
        return new RecordType(builder.CreateType(), members);
    }
}
