using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Decisions.Engine.Model;

namespace Decisions.Engine.Serialization;

/// <summary>Reads and writes the rule-set file format strictly, and computes its content hash.</summary>
public static class RuleSetJson
{
    /// <summary>
    /// Strict options: duplicate or unknown properties, missing required ones and nulls where a value is
    /// required are errors, so a typo in a rule file never passes silently.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions(indented: true);

    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);

    /// <summary>Parses a rule-set file; on failure the problem names the JSON path.</summary>
    public static (RuleSet? RuleSet, Problem? Problem) Parse(string json)
    {
        try
        {
            var ruleSet = JsonSerializer.Deserialize<RuleSet>(json, Options);
            return ruleSet is null ? (null, new Problem("", "The rule set is empty (null).")) : (ruleSet, null);
        }
        catch (JsonException exception)
        {
            return (null, new Problem(ToPath(exception.Path), JsonReadError.Describe(exception)));
        }
    }

    public static string Serialize(RuleSet ruleSet) => JsonSerializer.Serialize(ruleSet, Options);

    /// <summary>
    /// SHA-256 of the rule set's RFC 8785 canonical form (<see cref="JsonCanonicalization"/>): the file as exported,
    /// without the editor hint, canonicalized. Formatting and key order do not change it; any change of meaning does;
    /// an auditor recomputes it from the export with any JCS library.
    /// </summary>
    public static string Hash(RuleSet ruleSet)
    {
        var element = JsonSerializer.SerializeToElement(ruleSet with { Schema = null }, Compact);
        return Digest(JsonCanonicalization.Canonicalize(element));
    }

    /// <summary>
    /// Whether <paramref name="hash"/> is the content hash of <paramref name="ruleSet"/>: its <see cref="Hash"/>, or,
    /// for a version stored before hashes were RFC 8785, the hash of the form used then (sorted keys, but numbers
    /// and strings as written, so <c>1.0</c> stayed <c>1.0</c>). Both bind the same content; only the second cannot be
    /// checked with a JCS library.
    /// </summary>
    public static bool Matches(RuleSet ruleSet, string hash) =>
        hash == Hash(ruleSet) || hash == SortedKeysHash(ruleSet);

    /// <summary>The content hash of versions stored before RFC 8785: kept only to verify those.</summary>
    internal static string SortedKeysHash(RuleSet ruleSet)
    {
        var node = JsonSerializer.SerializeToNode(ruleSet with { Schema = null }, Compact)!;
        return Digest(Encoding.UTF8.GetBytes(SortKeys(node)!.ToJsonString(Compact)));
    }

    private static string Digest(byte[] canonical) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(canonical));

    internal static string ToPath(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "" : jsonPath.TrimStart('$').TrimStart('.');

    private static JsonNode? SortKeys(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, SortKeys(pair.Value)))),
        JsonArray array => new JsonArray([.. array.Select(SortKeys)]),
        _ => node?.DeepClone(),
    };

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            WriteIndented = indented,
            AllowDuplicateProperties = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new Rfc3339TimeConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
