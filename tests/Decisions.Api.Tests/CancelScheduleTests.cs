using System.Net;

namespace Decisions.Api.Tests;

/// <summary>An approver cancels a scheduled activation before it takes effect; the cancellation is appended and audited.</summary>
public sealed class CancelScheduleTests : IAsyncLifetime
{
    private readonly DecisionsAppFixture _app = new();
    private long _scheduled;

    public async Task InitializeAsync()
    {
        await _app.ApproveLowerVipThreshold();
        var activation = await (await _app.Client("approver").PostJson("/v1/rulesets/retail-tiering/versions/2/activate", new { comment = "Next week", effectiveAt = _app.Clock.GetUtcNow().AddDays(7) })).Json(HttpStatusCode.OK);
        _scheduled = activation.GetProperty("sequence").GetInt64();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cancelled_schedule_never_takes_effect_and_the_trail_says_who_cancelled_it()
    {
        var cancelled = await (await _app.Client("approver").PostJson(Cancel(_scheduled), new { comment = "Campaign postponed" })).Json(HttpStatusCode.OK);

        Assert.Equal("cancel", cancelled.GetProperty("kind").GetString());
        Assert.Equal(_scheduled, cancelled.GetProperty("cancels").GetInt64());
        var overview = await (await _app.Client("approver").GetAsync("/v1/rulesets")).Json(HttpStatusCode.OK);
        Assert.Equal(0, overview.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "retail-tiering").GetProperty("scheduled").GetArrayLength());
        _app.Clock.Advance(TimeSpan.FromDays(8));
        var answer = await (await _app.Client("teller").PostJson("/v1/decisions", new { ruleSet = "retail-tiering", customer = new { customerId = "R-C", avgDailyBalance = 1 } })).Json(HttpStatusCode.OK);
        Assert.Equal(1, answer.GetProperty("ruleSet").GetProperty("version").GetInt32());
        var trail = await (await _app.Client("auditor").GetAsync("/v1/audit?ruleSet=retail-tiering")).Json(HttpStatusCode.OK);
        var last = trail.EnumerateArray().Last();
        Assert.Equal(("schedule-cancelled", "approver", "Campaign postponed"), (last.GetProperty("action").GetString(), last.GetProperty("actor").GetString(), last.GetProperty("comment").GetString()));
        var verify = await (await _app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task Cancelling_twice_or_after_it_took_effect_is_409()
    {
        await (await _app.Client("approver").PostJson(Cancel(_scheduled), new { comment = "Postponed" })).Json(HttpStatusCode.OK);
        var twice = await (await _app.Client("approver").PostJson(Cancel(_scheduled), new { comment = "Again" })).Problem(HttpStatusCode.Conflict);
        var active = await (await _app.Client("auditor").GetAsync($"/v1/audit/active/retail-tiering?at={Uri.EscapeDataString(_app.Clock.GetUtcNow().ToString("O"))}")).Json(HttpStatusCode.OK);
        var seed = await (await _app.Client("approver").PostJson(Cancel(active.GetProperty("sequence").GetInt64()), new { comment = "Undo the seed" })).Problem(HttpStatusCode.Conflict);

        Assert.Contains("already cancelled", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("took effect", seed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_whose_time_has_come_can_no_longer_be_cancelled()
    {
        _app.Clock.Advance(TimeSpan.FromDays(7));

        var late = await (await _app.Client("approver").PostJson(Cancel(_scheduled), new { comment = "Too late" })).Problem(HttpStatusCode.Conflict);

        Assert.Contains("took effect", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_needs_a_comment_an_approver_and_an_existing_activation()
    {
        var blank = await (await _app.Client("approver").PostJson(Cancel(_scheduled), new { comment = " " })).Problem(HttpStatusCode.UnprocessableEntity);
        await (await _app.Client("editor").PostJson(Cancel(_scheduled), new { comment = "Not mine to cancel" })).Problem(HttpStatusCode.Forbidden);
        await (await _app.Client("approver").PostJson("/v1/rulesets/corporate-tiering/activations/" + _scheduled + "/cancel", new { comment = "Wrong rule set" })).Problem(HttpStatusCode.NotFound);

        Assert.Equal("comment", Assert.Single(blank.GetProperty("errors").EnumerateArray()).GetProperty("path").GetString());
    }

    private static string Cancel(long sequence) => $"/v1/rulesets/retail-tiering/activations/{sequence}/cancel";
}
