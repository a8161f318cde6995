using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Decisions.Api.Tests;

/// <summary>
/// An operator scraping <c>/metrics</c> sees the decision log's writer and how old the last signed checkpoint is.
/// Alone, because the exported instruments are process-wide and other hosts would sign and decide meanwhile.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed partial class LogMetricsTests
{
    [Fact]
    public async Task Metrics_show_the_log_writer_and_the_age_of_the_last_checkpoint()
    {
        await using var app = new DecisionsAppFixture();
        var auditor = app.Client("auditor");
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/metrics")).StatusCode);
        await (await app.Client("teller").PostJson("/v1/decisions", new
        {
            ruleSet = "retail-tiering", customer = new { customerId = "M-1", avgDailyBalance = 1 },
        })).Json(HttpStatusCode.OK);
        await (await auditor.PostAsync("/v1/checkpoints", null)).Json(HttpStatusCode.Created);
        app.Clock.Advance(TimeSpan.FromSeconds(90));

        var metrics = await (await auditor.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal(1, Value(metrics, "decision_log_decisions"));
        Assert.Contains("decision_log_commit_seconds", metrics, StringComparison.Ordinal);
        Assert.Contains("decision_log_block_size", metrics, StringComparison.Ordinal);
        Assert.Equal(90, Value(metrics, "checkpoint_age_seconds"));
    }

    private static double Value(string metrics, string name) =>
        Sample().Matches(metrics).Where(m => m.Groups["name"].Value.EndsWith(name, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)).Single();

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
