using System.Text.Json;
using Decisions.Engine.Serialization;

namespace Decisions.Cli;

/// <summary>
/// The JSON the HTTP API answers with (web defaults and <see cref="AnswerJson"/>), indented:
/// what the tool prints is what the service would answer for the same content.
/// </summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        AnswerJson.Apply(options);
        return options;
    }

    public static void Write<T>(TextWriter output, T value) =>
        output.Write(JsonSerializer.Serialize(value, Options) + "\n");
}
