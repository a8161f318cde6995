using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Decisions.Cli;

/// <summary>How the tool reports the service's answer to a push: the draft saved, or the problem readably.</summary>
internal static class PushAnswer
{
    public static int Report(HttpResponseMessage response, string body, bool created, ToolContext context)
    {
        var json = Parse(body);
        if (response.IsSuccessStatusCode && json is { ValueKind: JsonValueKind.Object } summary)
        {
            var version = summary.GetProperty("version").GetInt32();
            var status = summary.TryGetProperty("status", out var s) ? s.ToString() : "draft";
            context.Output.Write(string.Create(CultureInfo.InvariantCulture,
                $"{(created ? "Created" : "Saved")} version {version} ({status})\n"));
            context.Output.Write($"ETag: {response.Headers.ETag?.ToString() ?? "(none)"}\n");
            return ExitCodes.Success;
        }

        var code = (int)response.StatusCode;
        context.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"decisions: push refused: {code} {Title(json, response)}\n"));
        if (Text(json, "detail") is { Length: > 0 } detail)
        {
            context.Error.Write($"  {detail}\n");
        }

        if (json is { ValueKind: JsonValueKind.Object } problem
            && problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
        {
            foreach (var error in errors.EnumerateArray())
            {
                var path = Text(error, "path");
                context.Error.Write($"  {(path.Length == 0 ? "" : path + ": ")}{Text(error, "message")}\n");
            }
        }

        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => ExitCodes.Unauthorized,
            HttpStatusCode.Conflict or HttpStatusCode.PreconditionFailed => ExitCodes.Conflict,
            HttpStatusCode.NotFound => ExitCodes.NotFound,
            HttpStatusCode.TooManyRequests => ExitCodes.Unavailable,
            _ when code is >= 400 and < 500 => ExitCodes.Invalid,
            _ => ExitCodes.Unavailable,
        };
    }

    private static JsonElement? Parse(string body)
    {
        try
        {
            if (body.Length == 0)
            {
                return null;
            }

            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Title(JsonElement? problem, HttpResponseMessage response) =>
        Text(problem, "title") is { Length: > 0 } title ? title : response.ReasonPhrase ?? "";

    private static string Text(JsonElement? json, string property) =>
        json is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(property, out var text)
            ? text.ToString()
            : "";
}
