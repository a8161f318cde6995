using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Decisions.Engine.Serialization;

/// <summary>
/// Reads a time only as RFC 3339 with an explicit offset or <c>Z</c> (<c>2026-06-14T20:00:00+08:00</c>).
/// The default reader takes <c>2026-06-14T20:00:00</c> in the host's time zone, so the same request would be
/// another instant, and perhaps another decision, on a host set to another zone. Writes the round-trip form.
/// </summary>
public sealed partial class Rfc3339TimeConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The reason given for a time that is refused.</summary>
    public const string Expected =
        "Expected a time with an explicit offset or Z (RFC 3339), e.g. 2026-06-14T20:00:00+08:00.";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex WithOffset();

    /// <summary>Parses <paramref name="text"/> when it carries an explicit offset or Z.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !WithOffset().IsMatch(text))
        {
            return false;
        }

        // The JSON reader's ISO 8601 parser is culture-free; the pattern above has already demanded the offset.
        var reader = new Utf8JsonReader(JsonSerializer.SerializeToUtf8Bytes(text));
        return reader.Read() && reader.TryGetDateTimeOffset(out value);
    }

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException(Expected);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
