using System.Net;
using Decisions.Api.Storage;
using LiteDB;

namespace Decisions.Api.Tests;

/// <summary>
/// A logged answer that its version no longer gives is found by a streamed replay of the range, and named.
/// </summary>
public sealed class ReplayDifferenceTests
{
    private const string TierCode = "\"tier\":{\"code\":\"";

    [Fact]
    public async Task A_replay_of_the_range_counts_and_names_the_one_decision_whose_logged_answer_was_edited()
    {
        var app = DecisionsAppFixture.With(new Dictionary<string, string> { ["Limits:Analysis:PageSize"] = "10" });
        await AnalysisRunTests.Decide(app, 40);
        var edited = (await app.Read("auditor", "/v1/decisions?limit=40")).Items().EnumerateArray()
            .Single(d => d.GetProperty("sequence").GetInt64() == 17).GetProperty("decisionId").GetString();
        await app.StopAsync();
        await EditTier(app, sequence: 17);
        var restarted = app.Reopened();
        try
        {
            var auditor = restarted.Client("auditor");
            var range = new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" };
            var answered = await (await auditor.PostJson("/v1/decisions/replay", range)).Json(HttpStatusCode.OK);
            var (run, _) = await AnalysisRunTests.Finish(auditor,
                await AnalysisRunTests.Start(auditor, "/v1/decisions/replay/runs", range));

            foreach (var summary in new[] { answered, run.GetProperty("replay") })
            {
                Assert.Equal((40, 39, 1, 0), (
                    summary.GetProperty("replayed").GetInt32(), summary.GetProperty("identical").GetInt32(),
                    summary.GetProperty("different").GetInt32(), summary.GetProperty("failed").GetInt32()));
                Assert.Equal([edited],
                    summary.GetProperty("differentSamples").EnumerateArray().Select(s => s.GetString()));
            }
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    // The logged tier code prefixed with "EDITED-", the payload still valid JSON, as an insider's edit would leave it.
    private static Task EditTier(DecisionsAppFixture app, long sequence) =>
        StoredDecisionFile.EditAnswer(app, sequence, $"replace(output, '{TierCode}', '{TierCode}EDITED-')", payload =>
        {
            var (input, output) = Payload.Unpack(payload);
            Assert.Contains(TierCode, output, StringComparison.Ordinal);
            return Payload.Pack(input, output.Replace(TierCode, TierCode + "EDITED-", StringComparison.Ordinal));
        });
}
