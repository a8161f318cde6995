using System.Text.Json;
using Decisions.Api.Decisions;
using Decisions.Api.Storage;
using Decisions.Engine.Explanation;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>
/// An Idempotency-Key outlives the process and lapses after its window; a batch retried with its key is answered
/// from the log, and one cut short is completed by deciding only the customers missing from it.
/// </summary>
public sealed class IdempotencyLifetimeTests
{
    [Fact]
    public async Task A_retry_after_a_restart_gets_the_decision_logged_before_it()
    {
        var first = new DecisionsAppFixture();
        var key = Guid.NewGuid().ToString();
        var answered = await (await first.Decide("ONCE-RESTART", key)).Answer();

        var second = await first.Restart();
        try
        {
            var retried = await (await second.Decide("ONCE-RESTART", key)).Answer();
            Assert.Equal(answered, retried);
            Assert.Equal([IdempotentCalls.DecisionId(answered)], await second.Logged("ONCE-RESTART"));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_key_reused_after_its_window_gets_a_new_decision()
    {
        await using var app = new DecisionsAppFixture();
        var key = Guid.NewGuid().ToString();
        var answered = await (await app.Decide("ONCE-EXPIRED", key)).Answer();
        app.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        var within = await (await app.Decide("ONCE-EXPIRED", key)).Answer();

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await (await app.Decide("ONCE-EXPIRED", key)).Answer();
        var afterAgain = await (await app.Decide("ONCE-EXPIRED", key)).Answer();

        Assert.Equal(answered, within);
        Assert.NotEqual(IdempotentCalls.DecisionId(answered), IdempotentCalls.DecisionId(after));
        Assert.Equal(after, afterAgain);
        var logged = await app.Logged("ONCE-EXPIRED");
        Assert.Equal(new[] { answered, after }.Select(IdempotentCalls.DecisionId).Order(), logged.Order());
    }

    [Fact]
    public async Task A_retried_batch_gets_the_same_answer_and_is_logged_once()
    {
        await using var app = new DecisionsAppFixture();
        var key = Guid.NewGuid().ToString();
        var batch = Batch("ONCE-BATCH", 20);
        var answered = await (await app.Client("teller").PostWithKey("/v1/decisions/batch", batch, key)).Answer();

        var retried = await (await app.Client("teller").PostWithKey("/v1/decisions/batch", batch, key)).Answer();

        Assert.Equal(answered, retried);
        var ids = JsonDocument.Parse(answered).RootElement.Items().EnumerateArray()
            .Select(item => item.GetProperty("decision").GetProperty("decisionId").GetString()!).ToList();
        Assert.Equal(20, ids.Distinct().Count());
        Assert.Equal(ids.Order(), (await app.Logged("ONCE-BATCH")).Order());
    }

    [Fact]
    public async Task A_batch_cut_short_is_completed_on_retry_deciding_only_the_customers_missing_from_the_log()
    {
        await using var app = new DecisionsAppFixture();
        var batch = Batch("ONCE-CUT", 5);
        var request = JsonSerializer.Deserialize<BatchDecisionRequest>(
            JsonSerializer.Serialize(batch), JsonSerializerOptions.Web)!;
        var tag = new IdempotencyTag(new IdempotencyKey("teller", "cut-short").Scoped,
            RequestFingerprint.Of(request, ExplainLevel.Reasons), 0);
        // What a crash after the first chunk's commit leaves: customers 0 and 3 logged, the others not.
        var service = app.Services.GetRequiredService<DecisionService>();
        var logged = await service.DecideAsync(request, ExplainLevel.Reasons, [0, 3], tag,
            "teller", CancellationToken.None);

        var retried = await (await app.Client("teller").PostWithKey("/v1/decisions/batch", batch, "cut-short"))
            .Answer();

        var items = JsonDocument.Parse(retried).RootElement.Items().EnumerateArray().ToList();
        Assert.Equal([0, 1, 2, 3, 4], items.Select(item => item.GetProperty("index").GetInt32()));
        var ids = items.Select(item => item.GetProperty("decision").GetProperty("decisionId").GetString()!).ToList();
        Assert.Equal(logged.Value!.OrderBy(item => item.Index).Select(item => item.Decision!.DecisionId),
            [ids[0], ids[3]]);
        Assert.Equal(ids.Order(), (await app.Logged("ONCE-CUT")).Order());
        Assert.Equal(retried,
            await (await app.Client("teller").PostWithKey("/v1/decisions/batch", batch, "cut-short")).Answer());
    }

    private static object Batch(string customerId, int count) => new
    {
        ruleSet = "retail-tiering",
        customers = Enumerable.Range(0, count)
            .Select(i => new { customerId, avgDailyBalance = 1000 * i, lastTierReviewDate = "2026-03-01" }),
    };
}
