using System.Net;
using System.Text;

namespace Decisions.Api.Tests;

/// <summary>
/// A time without an offset would be read in the server's time zone, so the same request would be another
/// instant on another host: every request body and query string that carries a time refuses it, naming the field.
/// </summary>
public sealed class ExplicitOffsetTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private const string Local = "2026-06-14T20:00:00";
    private const string Version1 = "/v1/rulesets/retail-tiering/versions/1";

    [Theory]
    [InlineData("teller", "/v1/decisions", $$"""{ "ruleSet": "r", "customer": {}, "asOf": "{{Local}}" }""", "$.asOf")]
    [InlineData("teller", "/v1/decisions/batch", $$"""{ "customers": [], "asOf": "{{Local}}" }""", "$.asOf")]
    [InlineData("auditor", "/v1/decisions/replay",
        $$"""{ "from": "{{Local}}", "to": "2026-06-15T00:00:00Z" }""", "$.from")]
    [InlineData("auditor", "/v1/decisions/replay",
        $$"""{ "from": "2026-06-14T00:00:00Z", "to": "{{Local}}" }""", "$.to")]
    [InlineData("editor", Version1 + "/simulate", $$"""{ "customer": {}, "asOf": "{{Local}}" }""", "$.asOf")]
    [InlineData("approver", Version1 + "/activate", $$"""{ "effectiveAt": "{{Local}}" }""", "$.effectiveAt")]
    [InlineData("teller", "/v1/decisions", """{ "asOf": "2026-06-14 20:00:00+08:00" }""", "$.asOf")]
    public async Task A_time_without_an_offset_is_refused_naming_the_field(
        string role, string path, string body, string field)
    {
        var response = await app.Client(role).PostAsync(path, Json(body));

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("explicit offset or Z (RFC 3339)", detail, StringComparison.Ordinal);
        Assert.Contains($"(at {field})", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_with_an_offset_is_decided_at_that_instant()
    {
        var body = """
            { "ruleSet": "corporate-tiering", "customer": { "customerId": "C-1", "depositBalance": 1 },
              "asOf": "2026-06-14T20:00:00+08:00" }
            """;

        var decision = await (await app.Client("teller").PostAsync("/v1/decisions", Json(body)))
            .Json(HttpStatusCode.OK);

        var asOf = decision.GetProperty("asOf").GetDateTimeOffset();
        Assert.Equal(new DateTimeOffset(2026, 6, 14, 12, 0, 0, TimeSpan.Zero), asOf);
    }

    [Theory]
    [InlineData("/v1/decisions?from=2026-06-14T20:00:00", "from")]
    [InlineData("/v1/decisions?from=2026-06-14T00:00:00Z&to=2026-06-14", "to")]
    [InlineData("/v1/audit/active/retail-tiering?at=2026-06-14T20:00:00", "at")]
    public async Task A_query_string_time_without_an_offset_is_refused_naming_the_parameter(string url, string name)
    {
        var problem = await (await app.Client("auditor").GetAsync(url)).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(
            $"'{name}': Expected a time with an explicit offset or Z (RFC 3339), e.g. 2026-06-14T20:00:00+08:00.",
            problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/v1/decisions?from=2026-06-14T00:00:00Z&to=2026-06-15T00:00:00%2B08:00")]
    [InlineData("/v1/audit/active/retail-tiering?at=2030-01-01T00:00:00Z")]
    public async Task A_query_string_time_with_an_offset_is_taken(string url) =>
        Assert.Equal(HttpStatusCode.OK, (await app.Client("auditor").GetAsync(url)).StatusCode);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
