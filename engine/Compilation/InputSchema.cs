using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// The compiled input schema: binds a customer JSON object to an instance of the generated customer type,
/// or lists every offending field. Unknown fields are rejected: a misspelt field silently ignored could
/// give a customer the wrong tier. Binding reads the raw UTF-8 once, on the hot path of every decision.
/// </summary>
internal sealed class InputSchema
{
    private const int MaxStackName = 128;

    private readonly FieldBinder[] _fields;
    private readonly Dictionary<string, FieldBinder>.AlternateLookup<ReadOnlySpan<char>> _byName;

    private readonly bool _missingIsNull;

    private InputSchema(RecordType record, Type parsedAs, FieldBinder[] fields, bool missingIsNull)
    {
        Record = record;
        ParsedAs = parsedAs;
        _missingIsNull = missingIsNull;
        _fields = fields;
        _byName = fields.ToDictionary(field => field.Path["customer.".Length..], StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The class of the customer object; with format 2 its value properties are nullable.</summary>
    public RecordType Record { get; }

    /// <summary>The class the parser sees: plain values (format 2 then reads <see cref="Record"/>).</summary>
    public Type ParsedAs { get; }

    /// <summary>
    /// The schema, with format 2 (<paramref name="missingIsNull"/>) holding null for an absent optional value;
    /// a <c>default</c> that is not a valid value of its field is a problem at its path.
    /// </summary>
    public static InputSchema Create(
        IReadOnlyDictionary<string, InputField> input, int maxItems, bool missingIsNull, List<Problem> problems)
    {
        var types = input.Select(pair => (pair.Key, FieldValue.ClrType(pair.Value.Type))).ToList();
        var record = RecordType.Create(
            missingIsNull ? types.Select(t => (t.Key, FieldValue.Nullable(t.Item2))) : types);
        var parsedAs = missingIsNull ? RecordType.Create(types).Type : record.Type;
        var fields = input.Select((pair, index) => FieldBinder.Create(index, pair.Key, pair.Value, record, maxItems))
            .ToArray();
        var scratch = record.New();
        foreach (var field in fields.Where(field => field.Definition.Default is not null))
        {
            var path = $"input.{field.Path["customer.".Length..]}.default";
            if (field.Definition.Required)
            {
                problems.Add(new Problem(path, "A required field is always given: it takes no default."));
            }
            else if (field.SetDefault(scratch) is { } error)
            {
                problems.Add(new Problem(path, error));
            }
        }

        return new InputSchema(record, parsedAs, fields, missingIsNull);
    }

    /// <summary>The customer object, or null with the problems added (paths start with <c>customer</c>).</summary>
    public object? Bind(JsonElement customer, List<Problem> problems) => Bind(customer, problems, null);

    /// <summary>
    /// As above, and with format 2 adds to <paramref name="absent"/> the path of each optional field that was
    /// absent or null and has no default, in schema order.
    /// </summary>
    public object? Bind(JsonElement customer, List<Problem> problems, List<string>? absent)
    {
        if (customer.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new Problem("customer", "Expected a JSON object."));
            return null;
        }

        var target = Record.New();
        var before = problems.Count;
        // Per field: 0 = absent, 1 = null, 2 = given.
        Span<byte> seen = stackalloc byte[_fields.Length];
        Span<char> name = stackalloc char[MaxStackName];
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(customer));
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Find(ref reader, name);
            var unknown = field is null ? reader.GetString() : null;
            reader.Read();
            if (field is null || seen[field.Index] != 0)
            {
                problems.Add(field is null
                    ? new Problem("customer." + unknown, "Unknown field: the rule set's input has no such field.")
                    : new Problem(field.Path, "The field is given more than once."));
                reader.Skip();
                continue;
            }

            seen[field.Index] = reader.TokenType == JsonTokenType.Null ? (byte)1 : (byte)2;
            if (seen[field.Index] == 2 && field.Bind(ref reader, target, out var item) is { } error)
            {
                problems.Add(new Problem(FieldBinder.PathOf(field.Path, item), error));
                reader.Skip();
            }
        }

        foreach (var field in _fields)
        {
            if (seen[field.Index] == 2)
            {
                continue;
            }

            if (field.Definition.Required)
            {
                problems.Add(new Problem(field.Path, "The field is required."));
            }
            else if (field.Definition.Default is not null)
            {
                field.SetDefault(target);
            }
            else if (_missingIsNull)
            {
                // The new record holds null already.
                absent?.Add(field.Path);
            }
            else
            {
                field.SetEmpty(target);
            }
        }

        return problems.Count == before ? target : null;
    }

    private FieldBinder? Find(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        if (reader.ValueIsEscaped || reader.ValueSpan.Length > MaxStackName)
        {
            return _byName.Dictionary.GetValueOrDefault(reader.GetString()!);
        }

        var length = Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
        return _byName.TryGetValue(buffer[..length], out var field) ? field : null;
    }
}
