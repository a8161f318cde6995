using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// The compiled input schema: binds a customer JSON object to an instance of the generated customer type,
/// or lists every offending field. Unknown fields are rejected: a misspelt field silently ignored could
/// give a customer the wrong tier.
/// </summary>
internal sealed class InputSchema
{
    private readonly Dictionary<string, Field> _fields;
    private readonly int _maxItems;

    private InputSchema(RecordType record, Dictionary<string, Field> fields, int maxItems)
    {
        Record = record;
        _fields = fields;
        _maxItems = maxItems;
    }

    public RecordType Record { get; }

    public static InputSchema Create(IReadOnlyDictionary<string, InputField> input, int maxItems)
    {
        var record = RecordType.Create(input.Select(pair => (pair.Key, FieldValue.ClrType(pair.Value.Type))));
        var fields = input.Select((pair, index) => (pair.Key, Field: new Field(index, pair.Value, record.Setter<object?>(pair.Key), FieldValue.Empty(pair.Value.Type))))
            .ToDictionary(entry => entry.Key, entry => entry.Field, StringComparer.Ordinal);
        return new InputSchema(record, fields, maxItems);
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
        // Per field: 1 = present, 2 = present with a value (not null).
        Span<byte> seen = stackalloc byte[_fields.Count];
        foreach (var property in customer.EnumerateObject())
        {
            var path = "customer." + property.Name;
            if (!_fields.TryGetValue(property.Name, out var field))
            {
                problems.Add(new Problem(path, "Unknown field: the rule set's input has no such field."));
                continue;
            }

            if (seen[field.Index] != 0)
            {
                problems.Add(new Problem(path, "The field is given more than once."));
                continue;
            }

            seen[field.Index] = 1;
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            seen[field.Index] = 2;
            if (FieldValue.TryRead(property.Value, field.Definition, _maxItems, out var value, out var error))
            {
                field.Set(target, value);
            }
            else
            {
                problems.Add(new Problem(path, error!));
            }
        }

        foreach (var (name, field) in _fields)
        {
            if (seen[field.Index] == 2)
            {
                continue;
            }

            if (field.Definition.Required)
            {
                problems.Add(new Problem("customer." + name, "The field is required."));
            }
            else if (field.Empty is not null)
            {
                field.Set(target, field.Empty);
            }
        }

        return problems.Count == before ? target : null;
    }

    private sealed record Field(int Index, InputField Definition, Action<object, object?> SetValue, object? Empty)
    {
        public void Set(object target, object? value) => SetValue(target, value);
    }
}
