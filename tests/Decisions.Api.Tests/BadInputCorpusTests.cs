using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>
/// A corpus of malformed requests against every endpoint the service maps: each must get a 4xx RFC 9457
/// problem, never a 5xx, and the service must be healthy afterwards.
/// </summary>
public sealed class BadInputCorpusTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private static readonly (string Name, string ContentType, string Body)[] Bodies =
    [
        ("invalid JSON", "application/json", "{ \"ruleSet\": "),
        ("not an object", "application/json", "[1, 2, 3]"),
        ("a bare string", "application/json", "\"hello\""),
        ("empty body", "application/json", ""),
        ("NaN", "application/json",
            "{ \"ruleSet\": \"retail-tiering\", \"customer\": { \"customerId\": \"x\", \"avgDailyBalance\": NaN } }"),
        ("Infinity", "application/json", "{ \"last\": Infinity, \"from\": 1, \"toVersion\": Infinity }"),
        ("duplicate property", "application/json",
            "{ \"comment\": \"a\", \"comment\": \"b\", \"ruleSet\": \"x\", \"ruleSet\": \"y\" }"),
        ("unknown property", "application/json", "{ \"surprise\": true }"),
        ("wrong types", "application/json",
            "{ \"ruleSet\": 42, \"customer\": \"nobody\", \"comment\": 7, \"last\": \"many\", \"from\": \"v1\", "
            + "\"toVersion\": [] }"),
        ("lone surrogate", "application/json", "{ \"comment\": \"\\ud800\", \"ruleSet\": \"\\udfff\" }"),
        ("control characters", "application/json", "{ \"comment\": \"a\u0001b\" }"),
        ("deep nesting", "application/json", new string('[', 5000) + new string(']', 5000)),
        ("huge body", "application/json", "{ \"comment\": \"" + new string('x', 3_000_000) + "\" }"),
        ("wrong content type", "text/plain", "{ \"comment\": \"a\" }"),
        ("form content", "application/x-www-form-urlencoded", "comment=a"),
    ];

    private static readonly string[] OddNames = ["no-such-rules", "%E4%B8%AD%E6%96%87", "..%2F..%2Fetc", "a%00b"];

    // Kestrel refuses a NUL in the path with a bare 400 before any middleware runs, so no problem body is
    // possible there; it is still a client error and never reaches the application.
    private const string RefusedByServer = "a%00b";

    [Fact]
    public async Task Every_malformed_request_gets_a_4xx_problem_and_the_service_stays_healthy()
    {
        var admin = app.Client("admin");
        var failures = new List<string>();
        var sent = 0;
        foreach (var (method, pattern, acceptsBody) in Endpoints())
        {
            if (acceptsBody)
            {
                foreach (var (name, contentType, body) in Bodies)
                {
                    sent++;
                    await Check(failures, admin, method, Sample(pattern, "retail-tiering"), name,
                        new StringContent(body, Encoding.UTF8, contentType));
                }
            }

            if (pattern.Contains("{name}", StringComparison.Ordinal) || pattern.Contains("{id}",
                StringComparison.Ordinal))
            {
                foreach (var odd in OddNames)
                {
                    sent++;
                    var content = acceptsBody ? new StringContent("{}", Encoding.UTF8, "application/json") : null;
                    await Check(failures, admin, method, Sample(pattern, odd), $"odd name {odd}", content);
                }
            }
        }

        foreach (var query in new[] { "?from=yesterday", "?limit=0", "?limit=100000", "?to=2026-13-45", "?limit=abc" })
        {
            sent++;
            await Check(failures, admin, "GET", "/v1/decisions" + query, "bad query", null);
        }

        Assert.True(sent >= 200, $"Only {sent} requests in the corpus.");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} malformed requests were not answered with a 4xx problem:\n"
                + string.Join("\n", failures));
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await app.Client("teller")
                .PostJson("/v1/decisions",
                    new { ruleSet = "retail-tiering",
                        customer = new { customerId = "after", avgDailyBalance = 1 } })).StatusCode);
    }

    private static async Task Check(List<string> failures, HttpClient client, string method, string url,
        string what, HttpContent? content)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
        // Lets the server refuse an oversized body (413) before it is sent, as a well-behaved client would.
        request.Headers.ExpectContinue = content is not null;
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
        if (url.Contains(RefusedByServer, StringComparison.Ordinal)
            ? status != 400
            : status is < 400 or >= 500 || !problem)
        {
            failures.Add($"{method} {url} ({what}): {status} {response.Content.Headers.ContentType?.MediaType}");
        }
    }

    private List<(string Method, string Pattern, bool AcceptsBody)> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/v1/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => (m, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)))];

    private static string Sample(string pattern, string name) => pattern
        .Replace("{name}", name, StringComparison.Ordinal)
        .Replace("{version:int}", "1", StringComparison.Ordinal)
        .Replace("{id}", name == "retail-tiering" ? "00000000-0000-0000-0000-000000000000" : name,
            StringComparison.Ordinal);
}
