using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Decisions.Engine.Serialization;

/// <summary>
/// The JSON conventions of the service's answers: enum codes in kebab-case, RFC 3339 times, text unescaped. The
/// HTTP API and the command-line tool both apply them, so the tool prints what the service would answer.
/// </summary>
public static class AnswerJson
{
    /// <summary>Adds the conventions to <paramref name="options"/>.</summary>
    public static void Apply(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.Converters.Add(new Rfc3339TimeConverter());
    }
}
