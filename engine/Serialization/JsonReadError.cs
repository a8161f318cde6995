using System.Text.Json;
using System.Text.RegularExpressions;

namespace Decisions.Engine.Serialization;

/// <summary>
/// Why System.Text.Json refused a document, in the terms of the JSON its author wrote. Its own messages name .NET
/// types and members ("could not be mapped to any .NET member contained in type ..."), which mean nothing to a
/// rule author or a teller system's developer: each known reason is said again in JSON terms, and an unknown one
/// that names .NET internals becomes a general sentence. The JSON path is left to the caller.
/// </summary>
public static partial class JsonReadError
{
    private static readonly string[] DotNetNames = [".NET", "System.", "Decisions.", "type '"];

    /// <summary>The reason of <paramref name="exception"/> without .NET names and without its path.</summary>
    public static string Describe(JsonException exception)
    {
        var message = exception.Message.Split(" Path:")[0];
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"'{unknown.Groups["name"].Value}' is not a property of this object.";
        }

        if (DuplicateProperty().Match(message) is { Success: true } duplicate)
        {
            return $"'{duplicate.Groups["name"].Value}' appears more than once.";
        }

        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            return $"Required properties are missing: {missing.Groups["names"].Value}.";
        }

        return NullValue().IsMatch(message) ? "The value may not be null."
            : WrongType().IsMatch(message) ? "The value has the wrong type."
            : NamesDotNet(message) ? "The value does not fit the expected schema."
            : message;
    }

    /// <summary>Whether a message names .NET types, members or namespaces.</summary>
    public static bool NamesDotNet(string message) =>
        DotNetNames.Any(name => message.Contains(name, StringComparison.Ordinal));

    [GeneratedRegex("^The JSON property '(?<name>.*)' could not be mapped to any \\.NET member")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("^Duplicate property '(?<name>.*?)' encountered")]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex("was missing required properties(?: including)?: (?<names>.*?)\\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex("doesn't allow (?:getting |setting |)null")]
    private static partial Regex NullValue();

    [GeneratedRegex("^The JSON value could not be converted to ")]
    private static partial Regex WrongType();
}
