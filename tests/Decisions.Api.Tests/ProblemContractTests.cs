using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Api.Errors;
using Json.Schema;

namespace Decisions.Api.Tests;

/// <summary>
/// Every kind of problem, provoked against the real service, is valid against the problem schema of the OpenAPI
/// document it serves (JSON Schema 2020-12), has its own type from the catalogue and a detail in plain words, and
/// carries the headers a client acts on.
/// </summary>
public sealed class ProblemContractTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private const string Decide = "/v1/decisions";

    private const string RetailTiering = "/v1/rulesets/retail-tiering";

    private static readonly object Customer = new { customerId = "P-1", avgDailyBalance = 1 };

    private static readonly object Request = new { ruleSet = "retail-tiering", customer = Customer };

    [Theory]
    [InlineData("unknown property", HttpStatusCode.BadRequest, "malformed-request")]
    [InlineData("no body", HttpStatusCode.BadRequest, "malformed-request")]
    [InlineData("no key", HttpStatusCode.Unauthorized, "unauthenticated")]
    [InlineData("wrong role", HttpStatusCode.Forbidden, "forbidden")]
    [InlineData("unknown rule set", HttpStatusCode.NotFound, "unknown-rule-set")]
    [InlineData("unknown decision", HttpStatusCode.NotFound, "unknown-decision")]
    [InlineData("unknown route", HttpStatusCode.NotFound, "unknown-route")]
    [InlineData("submit a published version", HttpStatusCode.Conflict, "conflict")]
    [InlineData("stale If-Match", HttpStatusCode.PreconditionFailed, "precondition-failed")]
    [InlineData("body over the limit", HttpStatusCode.RequestEntityTooLarge, "body-too-large")]
    [InlineData("text body", HttpStatusCode.UnsupportedMediaType, "unsupported-media-type")]
    [InlineData("customer without inputs", HttpStatusCode.UnprocessableEntity, "validation-failed")]
    public async Task Each_kind_of_problem_has_its_type_a_detail_and_matches_the_published_schema(
        string provoked, HttpStatusCode status, string type)
    {
        using var response = await Provoke(provoked);

        var problem = await Valid(response, status, type);
        switch (status)
        {
            case HttpStatusCode.BadRequest when provoked == "unknown property":
                Assert.Equal("'bogus' is not a property of this object. (at $.bogus)", Detail(problem));
                break;
            case HttpStatusCode.BadRequest:
                Assert.Equal("The request needs a JSON body.", Detail(problem));
                break;
            case HttpStatusCode.Unauthorized:
                Assert.Equal("ApiKey header=\"X-Api-Key\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
                break;
            case HttpStatusCode.UnprocessableEntity:
                var paths = problem.GetProperty("errors").EnumerateArray()
                    .Select(e => e.GetProperty("path").GetString());
                Assert.Contains("customer.customerId", paths);
                break;
        }
    }

    [Fact]
    public async Task Too_many_requests_says_when_to_retry_in_the_header_and_the_body()
    {
        await using var limited = DecisionsAppFixture.With(
            new Dictionary<string, string> { ["Limits:PermitsPerSecond"] = "1", ["Limits:Burst"] = "1" });
        var teller = limited.Client("teller");
        HttpResponseMessage response;
        var sent = 0;
        do
        {
            response = await teller.PostJson(Decide, Request);
        }
        while (response.StatusCode != HttpStatusCode.TooManyRequests && ++sent < 10);

        var problem = await Valid(response, HttpStatusCode.TooManyRequests, "too-many-requests");
        var seconds = problem.GetProperty("retryAfter").GetInt32();
        Assert.True(seconds >= 1);
        Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task The_published_schema_refuses_a_problem_without_detail_or_trace_id()
    {
        var schema = await PublishedSchema();

        Assert.False(schema.Evaluate(JsonNode.Parse("""{ "type": "urn:x", "title": "t", "status": 400 }""")).IsValid);
        Assert.True(schema.Evaluate(JsonNode.Parse("""
            { "type": "urn:x", "title": "t", "status": 400, "detail": "d", "traceId": "00-1-2-00", "more": true }
            """)).IsValid);
    }

    private async Task<HttpResponseMessage> Provoke(string provoked) => provoked switch
    {
        "unknown property" => await Body(Decide, """{ "ruleSet": "retail-tiering", "customer": {}, "bogus": 1 }"""),
        "no body" => await Body(Decide, ""),
        "no key" => await app.Anonymous().PostAsJsonAsync(Decide, Request),
        "wrong role" => await app.Client("teller").GetAsync($"{Decide}/any"),
        "unknown rule set" =>
            await app.Client("teller").PostJson(Decide, new { ruleSet = "none", customer = Customer }),
        "unknown decision" => await app.Client("auditor").GetAsync($"{Decide}/no-such-decision"),
        "unknown route" => await app.Client("auditor").GetAsync("/v1/no-such-route"),
        "submit a published version" =>
            await app.Client("editor").PostJson($"{RetailTiering}/versions/1/submit", new { comment = "again" }),
        "stale If-Match" => await SubmitWithStaleTag(),
        "body over the limit" => await OverTheLimit(),
        "text body" => await Body(Decide, "retail-tiering", "text/plain"),
        _ => await app.Client("teller").PostJson(Decide, new { ruleSet = "retail-tiering", customer = new { } }),
    };

    private async Task<HttpResponseMessage> SubmitWithStaleTag()
    {
        var draft = await app.Post("editor", $"{RetailTiering}/drafts", new { from = 1 }, HttpStatusCode.Created);
        var url = $"{RetailTiering}/versions/{draft.GetProperty("version").GetInt32()}/submit";
        using var submit = new HttpRequestMessage(HttpMethod.Post, url);
        submit.Content = JsonContent.Create(new { comment = "go" });
        submit.Headers.TryAddWithoutValidation("If-Match", "\"sha256:0000\"");
        return await app.Client("editor").SendAsync(submit);
    }

    // With Expect: 100-continue the body waits for the server's word: the 413 arrives before any of it is sent, instead
    // of racing the client's write of 2 MB against the server closing the connection (a broken pipe, seen once).
    private Task<HttpResponseMessage> OverTheLimit()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Decide)
        {
            Content = new StringContent($$"""{ "ruleSet": "{{new string('x', 2_100_000)}}" }""",
                Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        return app.Client("teller").SendAsync(request);
    }

    private Task<HttpResponseMessage> Body(string url, string body, string mediaType = "application/json") =>
        app.Client("teller").PostAsync(url, new StringContent(body, Encoding.UTF8, mediaType));

    /// <summary>The problem, checked against the served schema, its catalogue type and for .NET names.</summary>
    private async Task<JsonElement> Valid(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await response.Problem(status);
        var result = (await PublishedSchema()).Evaluate(JsonNode.Parse(problem.GetRawText()), new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        var errors = (result.Details ?? []).Where(d => d.HasErrors)
            .Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        Assert.True(result.IsValid, $"{problem.GetRawText()}\n{string.Join("\n", errors)}");
        Assert.Equal(ProblemType.Namespace + type, problem.GetProperty("type").GetString());
        Assert.Equal(ProblemTypes.Find(ProblemType.Namespace + type)!.Title, problem.GetProperty("title").GetString());
        foreach (var internals in new[] { ".NET", "System.", "Decisions.", "Did you mean" })
        {
            Assert.DoesNotContain(internals, Detail(problem), StringComparison.Ordinal);
        }

        return problem;
    }

    private static string Detail(JsonElement problem) => problem.GetProperty("detail").GetString()!;

    /// <summary>
    /// The served document's <c>ProblemDetails</c> schema, its references to other schemas kept, as a 2020-12 schema
    /// (from the shared host: a host with tight limits would refuse the anonymous read).
    /// </summary>
    private async Task<JsonSchema> PublishedSchema()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var schemas = document.GetProperty("components").GetProperty("schemas").GetRawText()
            .Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText($$"""
            { "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://decisions.test/problem-{{Guid.NewGuid():N}}",
              "$defs": {{schemas}}, "$ref": "#/$defs/ProblemDetails" }
            """);
    }
}
