using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Decisions.Api.Tests;

/// <summary>
/// A stock Prometheus scrapes <c>/metrics</c> with a bearer token, gets text <c>promtool check metrics</c> accepts,
/// one family per HTTP measure, and what this host serves: the version in force per rule set with its hash, how
/// fresh the registry is, and the last verification. Alone: the exported families are process-wide.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed partial class MetricsScrapeTests
{
    private const string Token = "scrape-token-for-tests-01";

    [Fact]
    public async Task A_scraper_with_the_bearer_token_gets_metrics_promtool_accepts_and_nothing_else()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> {
            ["Metrics:BearerToken"] = Token });
        await app.Client("teller").PostJson("/v1/decisions", new
        {
            ruleSet = "retail-tiering", customer = new { customerId = "S-1", avgDailyBalance = 1 },
        });
        var scraper = Bearer(app, Token);

        var response = await scraper.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var (exitCode, output) = await Promtool(text);
        Assert.True(exitCode == 0, $"promtool check metrics: {output}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(app, Token + "x").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scraper.GetAsync("/v1/rulesets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await scraper.GetAsync("/v1/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Client("auditor").GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task Each_HTTP_measure_is_one_family_and_counts_refused_requests_too()
    {
        await using var app = new DecisionsAppFixture();
        const string refused =
            "http_request_duration_seconds_count{method=\"GET\",endpoint=\"/v1/rulesets/\",code=\"401\"}";
        var before = await (await app.Client("auditor").GetAsync("/metrics")).Content.ReadAsStringAsync();
        await app.Anonymous().GetAsync("/v1/rulesets");

        var text = await (await app.Client("auditor").GetAsync("/metrics")).Content.ReadAsStringAsync();

        var families = Family().Matches(text).Select(m => m.Groups["name"].Value).ToList();
        Assert.Equal(families.Distinct(), families);
        Assert.Equal(
            ["http_request_duration_seconds", "http_requests_in_progress"],
            families.Where(f => f.Contains("http", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(families, f => f.Contains("request", StringComparison.Ordinal)
            && f is not ("http_request_duration_seconds" or "http_requests_in_progress" or "requests_limited_total"));
        Assert.Equal(Value(before, refused, 0) + 1, Value(text, refused, 0));
    }

    [Fact]
    public async Task The_version_in_force_and_its_hash_are_shown_per_rule_set_and_follow_an_activation()
    {
        await using var app = new DecisionsAppFixture();
        var auditor = app.Client("auditor");
        var v1 = await (await auditor.GetAsync("/v1/rulesets/retail-tiering/versions/1")).Json(HttpStatusCode.OK);

        var before = await (await auditor.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal(4, ActiveSeries().Count(before));
        Assert.Equal([("1", v1.GetProperty("summary").GetProperty("hash").GetString()!)],
            Active(before, "retail-tiering"));
        // Checked every 250 ms by the watcher, not only when the host started and loaded the timeline.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var later = await (await auditor.GetAsync("/metrics")).Content.ReadAsStringAsync();
        Assert.InRange(Value(later, "ruleset_registry_refresh_age_seconds"), 0, 2);

        await app.ApproveLowerVipThreshold();
        await (await app.Client("approver")
            .PostJson("/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "Go" }))
            .Json(HttpStatusCode.OK);
        var v2 = await (await auditor.GetAsync("/v1/rulesets/retail-tiering/versions/2")).Json(HttpStatusCode.OK);
        var after = await (await auditor.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal([("2", v2.GetProperty("summary").GetProperty("hash").GetString()!)],
            Active(after, "retail-tiering"));
        Assert.Equal(4, ActiveSeries().Count(after));
    }

    [Fact]
    public async Task The_last_verification_is_shown_with_its_result_and_time()
    {
        var app = new DecisionsAppFixture();
        // A time no other host in this process verifies at: the gauges are process-wide.
        app.Clock.Advance(TimeSpan.FromSeconds(7_919));
        await (await app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        var intact = await (await app.Client("auditor").GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal(1, Value(intact, "audit_verification_intact"));
        Assert.Equal(app.Clock.GetUtcNow().ToUnixTimeSeconds(),
            Value(intact, "audit_verification_timestamp_seconds"), 0.01);

        await app.StopAsync();
        StoreTampering.Of(app).DeleteLastAuditEntries(1);
        await using var restarted = await app.Restart();
        restarted.Clock.Advance(TimeSpan.FromSeconds(60));
        var report = await (await restarted.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        var broken = await (await restarted.Client("auditor").GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.False(report.GetProperty("intact").GetBoolean());
        Assert.Equal(0, Value(broken, "audit_verification_intact"));
        var brokenAt = Value(broken, "audit_verification_timestamp_seconds");
        Assert.Equal(restarted.Clock.GetUtcNow().ToUnixTimeSeconds(), brokenAt, 0.01);
    }

    private static HttpClient Bearer(DecisionsAppFixture app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Debian's promtool (package <c>prometheus</c>, installed by ./test.sh); the test fails without it.
    /// </summary>
    private static async Task<(int ExitCode, string Output)> Promtool(string metrics)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(metrics);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    private static List<(string Version, string Hash)> Active(string metrics, string ruleSet) =>
        [.. ActiveSeries().Matches(metrics).Where(m => m.Groups["name"].Value == ruleSet)
            .Select(m => (m.Groups["version"].Value, m.Groups["hash"].Value))];

    private static double Value(string metrics, string series, double? absent = null) =>
        metrics.Split('\n').FirstOrDefault(line => line.StartsWith(series + " ", StringComparison.Ordinal)) is { } line
            ? double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture)
            : absent ?? throw new Xunit.Sdk.XunitException($"{series} is not in the metrics.");

    [GeneratedRegex(@"(?m)^# TYPE (?<name>\S+) ")]
    private static partial Regex Family();

    [GeneratedRegex(
        @"(?m)^ruleset_active_info\{rule_set=""(?<name>[^""]+)"",version=""(?<version>\d+)"",hash=""(?<hash>[^""]+)""\} 1$")]
    private static partial Regex ActiveSeries();
}
