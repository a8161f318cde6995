using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Cli;

/// <summary>
/// <c>decisions push FILE [--url URL] [--api-key KEY] [--draft N [--if-match ETAG]]</c>: imports the file as a new
/// draft (<c>POST /v1/rulesets/import</c>), or replaces draft N (<c>PUT /v1/rulesets/{name}/versions/{n}</c>,
/// guarded by <c>If-Match</c>). Prints the draft's version and ETag; a refusal is printed with its problems and
/// exits with its class (<see cref="ExitCodes"/>).
/// </summary>
internal static class PushCommand
{
    public static Command Create(ToolContext context)
    {
        var file = new Argument<string>("file") { Description = "The rule-set file" };
        var url = new Option<string>("--url") { Description = "The service's URL (default: $DECISIONS_URL)" };
        var apiKey = new Option<string>("--api-key") { Description = "An editor's key (default: $DECISIONS_API_KEY)" };
        var draft = new Option<int?>("--draft") { Description = "Replace this draft instead of creating one" };
        var ifMatch = new Option<string>("--if-match") { Description = "The draft's ETag as read: refuse if changed" };
        var command = new Command("push", "Create or replace a draft in the service from a rule-set file")
        {
            file, url, apiKey, draft, ifMatch,
        };
        command.SetAction((parsed, cancellationToken) =>
        {
            var target = TargetOf(
                parsed.GetValue(url) ?? context.Environment("DECISIONS_URL"),
                parsed.GetValue(apiKey) ?? context.Environment("DECISIONS_API_KEY"),
                parsed.GetValue(draft), parsed.GetValue(ifMatch), context);
            return target is null
                ? Task.FromResult(ExitCodes.Usage)
                : RunAsync(target, parsed.GetRequiredValue(file), context, cancellationToken);
        });
        return command;
    }

    private sealed record Target(Uri Url, string ApiKey, int? Draft, string? IfMatch);

    /// <summary>Where to push with which key, or null after saying what is missing.</summary>
    private static Target? TargetOf(string? url, string? apiKey, int? draft, string? ifMatch, ToolContext context)
    {
        var errors = new List<string>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            errors.Add("Give the service's URL: --url http://host:port or DECISIONS_URL.");
        }

        if (string.IsNullOrEmpty(apiKey))
        {
            errors.Add("Give an editor's API key: --api-key KEY or DECISIONS_API_KEY.");
        }

        if (ifMatch is not null && draft is null)
        {
            errors.Add("--if-match guards a replaced draft: give --draft N with it.");
        }

        errors.ForEach(error => context.Error.Write($"decisions: {error}\n"));
        return errors.Count == 0 ? new Target(uri!, apiKey!, draft, ifMatch) : null;
    }

    private static async Task<int> RunAsync(
        Target target, string path, ToolContext context, CancellationToken cancellationToken)
    {
        if (RuleSetFiles.Read(path, context) is not { } file)
        {
            return ExitCodes.Usage;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/rulesets/import");
        if (target.Draft is { } number)
        {
            if (NameOf(file, context) is not { } name)
            {
                return ExitCodes.Invalid;
            }

            request.Method = HttpMethod.Put;
            request.RequestUri = new Uri(string.Create(CultureInfo.InvariantCulture,
                $"v1/rulesets/{Uri.EscapeDataString(name)}/versions/{number}"), UriKind.Relative);
            if (target.IfMatch is { } etag)
            {
                request.Headers.TryAddWithoutValidation("If-Match", etag);
            }
        }

        request.Content = new StringContent(file.Text, Encoding.UTF8, "application/json");
        request.Headers.Add("X-Api-Key", target.ApiKey);
        using var client = new HttpClient { BaseAddress = BaseOf(target.Url) };
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return PushAnswer.Report(response, body, target.Draft is null, context);
        }
        catch (HttpRequestException exception)
        {
            context.Error.Write($"decisions: cannot reach {target.Url}: {exception.Message}\n");
            return ExitCodes.Unavailable;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            context.Error.Write($"decisions: {target.Url} did not answer in {client.Timeout.TotalSeconds:0} s\n");
            return ExitCodes.Unavailable;
        }
    }

    /// <summary>The rule set's name, needed in the URL of a draft to replace; the service checks the rest.</summary>
    private static string? NameOf(RuleSetFile file, ToolContext context)
    {
        try
        {
            using var document = JsonDocument.Parse(file.Text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                return name.GetString();
            }
        }
        catch (JsonException)
        {
            // Said below: a file that is not JSON has no name to put in the URL.
        }

        var problem = new Problem("name", "A rule-set file names its rule set in 'name'.");
        RuleSetFiles.WriteProblems(context.Output, file, [problem]);
        return null;
    }

    /// <summary>The URL with a trailing slash, so that a service mounted under a path keeps that path.</summary>
    private static Uri BaseOf(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
