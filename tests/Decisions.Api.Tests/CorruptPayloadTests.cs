using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// A logged decision whose stored payload is damaged is named, skipped or refused with a reason, never a 500.
/// </summary>
public sealed class CorruptPayloadTests
{
    private static readonly object Decision = new { ruleSet = "retail-tiering",
        customer = new { customerId = "R-CORRUPT", avgDailyBalance = 10 } };

    [Fact]
    public async Task A_damaged_decision_is_named_by_verify_skipped_by_search_and_refused_by_replay()
    {
        var app = new DecisionsAppFixture();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var answer = await (await app.Client("teller").PostJson("/v1/decisions", Decision)).Json(HttpStatusCode.OK);
            ids.Add(answer.GetProperty("decisionId").GetString()!);
        }

        await app.StopAsync();
        await Damage(app, sequence: 2);
        var restarted = app.Reopened();
        try
        {
            var auditor = restarted.Client("auditor");
            var report = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
            Assert.False(report.GetProperty("intact").GetBoolean());
            Assert.Equal($"decision {ids[1]} (#2)", report.GetProperty("firstBroken").GetString());
            Assert.StartsWith("Its stored payload cannot be read", report.GetProperty("reason").GetString(),
                StringComparison.Ordinal);

            var search = await auditor.GetAsync("/v1/decisions?customerId=R-CORRUPT");
            var found = await search.Json(HttpStatusCode.OK);
            Assert.Equal([ids[2], ids[0]],
                found.Items().EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()));
            Assert.Equal(ids[1], string.Join(',', search.Headers.GetValues("Decisions-Skipped")));

            var replay = await (await auditor.PostJson($"/v1/decisions/{ids[1]}/replay", new { }))
                .Problem(HttpStatusCode.Conflict);
            Assert.Equal(ids[1], replay.GetProperty("decisionId").GetString());
            Assert.Contains("cannot be read", replay.GetProperty("detail").GetString(), StringComparison.Ordinal);
            var range = await (await auditor.PostJson("/v1/decisions/replay",
                new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" }))
                .Json(HttpStatusCode.OK);
            Assert.Equal((3, 2, 1),
                (range.GetProperty("replayed").GetInt32(), range.GetProperty("identical").GetInt32(),
                    range.GetProperty("failed").GetInt32()));
            Assert.Equal([ids[1]], range.GetProperty("failedSamples").EnumerateArray().Select(s => s.GetString()));
            var read = await (await auditor.GetAsync($"/v1/decisions/{ids[1]}")).Problem(HttpStatusCode.Conflict);
            Assert.Equal(ids[1], read.GetProperty("decisionId").GetString());
            await (await restarted.Client("teller").PostJson("/v1/decisions", Decision)).Json(HttpStatusCode.OK);
        }
        finally
        {
            await restarted.DisposeAsync();
        }
    }

    [Fact]
    public async Task Erasing_a_customer_whose_payload_is_damaged_is_refused_with_409_and_erases_nothing()
    {
        var app = new DecisionsAppFixture();
        var ids = new List<string> { await app.Decide("R-CORRUPT"), await app.Decide("R-CORRUPT") };
        await app.Decide("K-INTACT");
        await app.StopAsync();
        await Damage(app, sequence: 2);
        var restarted = app.Reopened();
        await using (restarted)
        {
            var trail = (await restarted.Read("auditor", "/v1/audit")).Items().GetArrayLength();
            var refused = await restarted.Refused("admin", "/v1/erasures",
                new { customerId = "R-CORRUPT", reason = "PIPL #9" }, HttpStatusCode.Conflict);
            Assert.Equal(ids[1], refused.GetProperty("decisionId").GetString());
            Assert.Contains("cannot be erased verifiably", refused.GetProperty("detail").GetString(),
                StringComparison.Ordinal);

            // Nothing was erased, not even the readable decision of the same customer, and the trail did not move.
            Assert.False((await restarted.Read("auditor", $"/v1/decisions/{ids[0]}")).IsErased());
            Assert.Empty(await restarted.Trail("decisions-erased"));
            var other = await restarted.Erase("K-INTACT");
            Assert.Equal((1, trail + 1L),
                (other.GetProperty("erased").GetInt32(), other.GetProperty("trailEntry").GetInt64()));
            var report = await restarted.Read("auditor", "/v1/audit/verify");
            Assert.Equal($"decision {ids[1]} (#2)", report.GetProperty("firstBroken").GetString());
        }
    }

    [Fact]
    public async Task A_logged_answer_cut_off_is_counted_failed_by_replay_and_impact()
    {
        var app = new DecisionsAppFixture();
        var ids = new List<string> { await app.Decide("R-CUT"), await app.Decide("R-WHOLE") };
        await app.StopAsync();
        await CutAnswer(app, sequence: 1);
        var restarted = app.Reopened();
        await using (restarted)
        {
            var range = new { from = "2026-01-01T00:00:00Z", to = "2027-01-01T00:00:00Z" };
            var replay = await restarted.Post("auditor", "/v1/decisions/replay", range, HttpStatusCode.OK);
            Assert.Equal((2, 1, 1), (
                replay.GetProperty("replayed").GetInt32(), replay.GetProperty("identical").GetInt32(),
                replay.GetProperty("failed").GetInt32()));
            Assert.Equal([ids[0]], replay.GetProperty("failedSamples").EnumerateArray().Select(s => s.GetString()));
            await restarted.ApproveLowerVipThreshold();
            var impact = await restarted.Post("admin", "/v1/rulesets/retail-tiering/versions/2/impact",
                new { from = range.from }, HttpStatusCode.OK);
            Assert.Equal((2, 1), (impact.GetProperty("customers").GetInt32(), impact.GetProperty("failed").GetInt32()));
        }
    }

    // LiteDB: the compressed payload's second half dropped; PostgreSQL: the stored output cut in half.
    private static Task CutAnswer(DecisionsAppFixture app, long sequence) =>
        StoredDecisionFile.EditAnswer(app, sequence, "left(output, length(output) / 2)",
            payload => payload[..(payload.Length / 2)]);

    // LiteDB: the Brotli bytes of the payload overwritten; PostgreSQL: the stored output is no longer JSON.
    private static Task Damage(DecisionsAppFixture app, long sequence) =>
        StoredDecisionFile.EditAnswer(app, sequence, "'{\"tier\": '", payload =>
        {
            Array.Fill(payload, (byte)0xA5, 2, payload.Length - 2);
            return payload;
        });
}
