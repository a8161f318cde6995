using System.Text.Json;
using System.Text.Json.Serialization;
using Decisions.Engine.Model;

namespace Decisions.Engine.Serialization;

/// <summary>
/// Writes <see cref="FieldType"/> as the names rule authors type: <c>string</c>, <c>number</c>, <c>string[]</c>.
/// </summary>
internal sealed class FieldTypeConverter : JsonConverter<FieldType>
{
    private static readonly Dictionary<string, FieldType> ByName = new(StringComparer.Ordinal)
    {
        ["string"] = FieldType.String,
        ["number"] = FieldType.Number,
        ["integer"] = FieldType.Integer,
        ["boolean"] = FieldType.Boolean,
        ["date"] = FieldType.Date,
        ["string[]"] = FieldType.StringArray,
    };

    public static string NameOf(FieldType type) => ByName.First(pair => pair.Value == type).Key;

    public override FieldType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return name is not null && ByName.TryGetValue(name, out var type)
            ? type
            : throw new JsonException($"Unknown type; expected one of {string.Join(", ", ByName.Keys)}.");
    }

    public override void Write(Utf8JsonWriter writer, FieldType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(NameOf(value));
}
