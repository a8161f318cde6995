using System.Runtime.InteropServices;
using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>The parameters of a rule set as one typed object, read by expressions as <c>params.name</c>.</summary>
internal sealed record ParameterValues(RecordType Record, object Values)
{
    /// <summary>
    /// The typed parameters; a list longer than <paramref name="maxItems"/> is a problem at its path.
    /// </summary>
    public static ParameterValues? Create(
        IReadOnlyDictionary<string, ParameterDefinition> parameters, int maxItems, List<Problem> problems)
    {
        var record = RecordType.Create(parameters.Select(pair => (pair.Key, FieldValue.ClrType(pair.Value.Type))));
        var values = record.New();
        var before = problems.Count;
        var index = 0;
        foreach (var (name, parameter) in parameters)
        {
            // Read exactly as a customer field of the same type is, so a parameter and an input never differ,
            // and held to its own bounds as a field is.
            var field = new InputField
            {
                Type = parameter.Type, Required = true, Minimum = parameter.Minimum, Maximum = parameter.Maximum,
            };
            var binder = FieldBinder.Create(index++, name, field, record, maxItems);
            var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(parameter.Value));
            reader.Read();
            if (binder.Bind(ref reader, values, out var item) is { } error)
            {
                problems.Add(new Problem(FieldBinder.PathOf($"parameters.{name}.value", item), error));
            }
        }

        return problems.Count == before ? new ParameterValues(record, values) : null;
    }
}
