using System.Text.Json;
using System.Text.RegularExpressions;

namespace Decisions.Api.Errors;

/// <summary>
/// The reasons System.Text.Json and minimal-API binding give for refusing a request name .NET types and members
/// ("could not be mapped to any .NET member contained in type ..."); a teller system's developer knows the JSON
/// and the OpenAPI document only. Each known reason is said again in those terms; an unknown one that names .NET
/// internals becomes a general sentence, and the JSON path is always kept.
/// </summary>
internal static partial class ReadFailureText
{
    private static readonly string[] DotNetNames = [".NET", "System.", "Decisions.", "type '"];

    public static string Of(JsonException json)
    {
        var message = json.Message.Split(" Path:")[0];
        var text = Json(message) ?? (Internal(message) ? "The value does not fit the request's schema." : message);
        return json.Path is { } path ? $"{text} (at {path})" : text;
    }

    public static (ProblemType Type, string Detail) Of(BadHttpRequestException bad)
    {
        var message = bad.Message;
        if (NoBody().IsMatch(message))
        {
            return (ProblemTypes.MalformedRequest, "The request needs a JSON body.");
        }

        if (MissingParameter().Match(message) is { Success: true } missing)
        {
            return (ProblemTypes.InvalidParameter, $"'{missing.Groups["name"].Value}' is required.");
        }

        if (UnboundParameter().Match(message) is { Success: true } unbound)
        {
            return (ProblemTypes.InvalidParameter,
                $"'{unbound.Groups["name"].Value}' cannot be '{unbound.Groups["value"].Value}'.");
        }

        return (ProblemTypes.MalformedRequest, Internal(message) ? "The request cannot be read." : message);
    }

    private static string? Json(string message)
    {
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

        if (NullValue().IsMatch(message))
        {
            return "The value may not be null.";
        }

        return WrongType().IsMatch(message)
            ? "The value has the wrong type; the OpenAPI document gives the type."
            : null;
    }

    private static bool Internal(string message) =>
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

    [GeneratedRegex("^Implicit body inferred for parameter|was not provided from body"
        + "|^Required parameter \"[^\"]*\" was not provided\\.?$")]
    private static partial Regex NoBody();

    [GeneratedRegex("^Required parameter \"\\S+ (?<name>\\w+)\" was not provided from")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("^Failed to bind parameter \"\\S+ (?<name>\\w+)\" from \"(?<value>.*)\"\\.")]
    private static partial Regex UnboundParameter();
}
