using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Decisions.Engine.Serialization;

namespace Decisions.Cli;

/// <summary>
/// The JSON the HTTP API answers with (web defaults, enums as names, RFC 3339 times, unescaped text), indented:
/// what the tool prints is what the service would answer for the same content.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new Rfc3339TimeConverter() },
    };

    public static void Write<T>(TextWriter output, T value) =>
        output.Write(JsonSerializer.Serialize(value, Options) + "\n");
}
