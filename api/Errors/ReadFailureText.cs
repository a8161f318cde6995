using System.Text.Json;
using System.Text.RegularExpressions;
using Decisions.Engine.Serialization;

namespace Decisions.Api.Errors;

/// <summary>
/// A refused request in the terms of its JSON and the OpenAPI document: System.Text.Json's reasons as
/// <see cref="JsonReadError"/> says them, with the JSON path, and minimal-API binding failures ("Implicit body
/// inferred for parameter ... Did you mean to use a Service instead?") by the parameter's name.
/// </summary>
internal static partial class ReadFailureText
{
    public static string Of(JsonException json)
    {
        var text = JsonReadError.Describe(json);
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

        return (ProblemTypes.MalformedRequest,
            JsonReadError.NamesDotNet(message) ? "The request cannot be read." : message);
    }

    [GeneratedRegex("^Implicit body inferred for parameter|was not provided from body"
        + "|^Required parameter \"[^\"]*\" was not provided\\.?$")]
    private static partial Regex NoBody();

    [GeneratedRegex("^Required parameter \"\\S+ (?<name>\\w+)\" was not provided from")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("^Failed to bind parameter \"\\S+ (?<name>\\w+)\" from \"(?<value>.*)\"\\.")]
    private static partial Regex UnboundParameter();
}
