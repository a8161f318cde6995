using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>The parameters of a rule set as one typed object, read by expressions as <c>params.name</c>.</summary>
internal sealed record ParameterValues(RecordType Record, object Values)
{
    public static ParameterValues? Create(IReadOnlyDictionary<string, ParameterDefinition> parameters, List<Problem> problems)
    {
        var record = RecordType.Create(parameters.Select(pair => (pair.Key, FieldValue.ClrType(pair.Value.Type))));
        var values = record.New();
        var ok = true;
        foreach (var (name, parameter) in parameters)
        {
            var field = new InputField { Type = parameter.Type, Required = true };
            if (FieldValue.TryRead(parameter.Value, field, int.MaxValue, out var value, out var error))
            {
                record.Setter<object?>(name)(values, value);
            }
            else
            {
                problems.Add(new Problem($"parameters.{name}.value", error!));
                ok = false;
            }
        }

        return ok ? new ParameterValues(record, values) : null;
    }
}
