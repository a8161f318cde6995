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

    private InputSchema(RecordType record, FieldBinder[] fields)
    {
        Record = record;
        _fields = fields;
        _byName = fields.ToDictionary(field => field.Path["customer.".Length..], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public RecordType Record { get; }

    public static InputSchema Create(IReadOnlyDictionary<string, InputField> input, int maxItems)
    {
        var record = RecordType.Create(input.Select(pair => (pair.Key, FieldValue.ClrType(pair.Value.Type))));
        var fields = input.Select((pair, index) => FieldBinder.Create(index, pair.Key, pair.Value, record, maxItems)).ToArray();
        return new InputSchema(record, fields);
    }

    /// <summary>The customer object, or null with the problems added (paths start with <c>customer</c>).</summary>
    public object? Bind(JsonElement customer, List<Problem> problems)
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
