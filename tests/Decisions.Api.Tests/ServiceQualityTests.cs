using System.Net;
using System.Text;

namespace Decisions.Api.Tests;

/// <summary>Limits, metrics and shutdown: the service protects itself and says how it is doing.</summary>
public sealed class ServiceQualityTests
{
    private static readonly object Request = new { ruleSet = "big-customer-revenue",
        customer = new { customerId = "G", annualRevenue = 10, cityGroup = 1 } };

    [Fact]
    public async Task A_key_over_its_rate_gets_429_with_retry_after_while_other_keys_go_on()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> {
            ["Limits:PermitsPerSecond"] = "1", ["Limits:Burst"] = "3" });
        var teller = app.Client("teller");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await teller.PostJson("/v1/decisions", Request)).StatusCode);
        }

        var limited = await teller.PostJson("/v1/decisions", Request);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        await limited.Problem(HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await app.Client("admin").PostJson("/v1/decisions", Request)).StatusCode);
        var metrics = await (await app.Client("auditor").GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.Matches(@"(?m)^requests_limited_total\{limit=""key-rate""\} [1-9]", metrics);
    }

    [Fact]
    public async Task Health_probes_are_answered_while_anonymous_callers_from_their_address_are_over_the_rate()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> {
            ["Limits:PermitsPerSecond"] = "1", ["Limits:Burst"] = "2" });
        var anonymous = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/readyz")).StatusCode);
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> { [
            "Limits:MaxRequestBodyBytes"] = "10000" });
        var body = $$"""{ "ruleSet": "retail-tiering", "customer": { "customerId": "{{new string('x', 20_000)}}" } }""";

        var response = await app.Client("teller")
            .PostAsync("/v1/decisions", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.Problem(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Metrics_count_decisions_for_auditors_only()
    {
        await using var app = new DecisionsAppFixture();
        await app.Client("teller").PostJson("/v1/decisions", Request);

        var metrics = await (await app.Client("auditor").GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Contains("decisions_total{", metrics, StringComparison.Ordinal);
        Assert.Contains("rule_set=\"big-customer-revenue\"", metrics, StringComparison.Ordinal);
        Assert.Contains("decision_duration_seconds", metrics, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Client("teller").GetAsync("/metrics")).StatusCode);
    }
}
