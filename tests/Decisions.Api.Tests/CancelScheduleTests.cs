using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// An approver cancels a scheduled activation before it takes effect; the cancellation is appended and audited.
/// </summary>
public sealed class CancelScheduleTests : IAsyncLifetime
{
    private readonly DecisionsAppFixture _app = new();
    private long _scheduled;

    public async Task InitializeAsync()
    {
        await _app.ApproveLowerVipThreshold();
        var activation = await _app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/activate",
            new { comment = "Next week", effectiveAt = _app.Clock.GetUtcNow().AddDays(7) }, HttpStatusCode.OK);
        _scheduled = activation.GetProperty("sequence").GetInt64();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_cancelled_schedule_never_takes_effect_and_the_trail_says_who_cancelled_it()
    {
        var cancelled = await _app.Post("approver", Cancel(_scheduled),
            new { comment = "Campaign postponed" }, HttpStatusCode.OK);

        Assert.Equal("cancel", cancelled.GetProperty("kind").GetString());
        Assert.Equal(_scheduled, cancelled.GetProperty("cancels").GetInt64());
        var overview = (await _app.Read("approver", "/v1/rulesets")).Items();
        var retail = overview.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "retail-tiering");
        Assert.Equal(0, retail.GetProperty("scheduled").GetArrayLength());
        _app.Clock.Advance(TimeSpan.FromDays(8));
        var customer = new { customerId = "R-C", avgDailyBalance = 1 };
        var answer = await _app.Post("teller", "/v1/decisions",
            new { ruleSet = "retail-tiering", customer }, HttpStatusCode.OK);
        Assert.Equal(1, answer.GetProperty("ruleSet").GetProperty("version").GetInt32());
        var trail = (await _app.Read("auditor", "/v1/audit?ruleSet=retail-tiering")).Items();
        var last = trail.EnumerateArray().Last();
        Assert.Equal(("schedule-cancelled", "approver", "Campaign postponed"),
            (last.GetProperty("action").GetString(), last.GetProperty("actor").GetString(),
                last.GetProperty("comment").GetString()));
        var verify = await _app.Read("auditor", "/v1/audit/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean(), verify.ToString());
    }

    [Fact]
    public async Task Cancelling_twice_or_after_it_took_effect_is_409()
    {
        await _app.Post("approver", Cancel(_scheduled), new { comment = "Postponed" }, HttpStatusCode.OK);
        var twice = await _app.Refused("approver", Cancel(_scheduled),
            new { comment = "Again" }, HttpStatusCode.Conflict);
        var now = Uri.EscapeDataString(_app.Clock.GetUtcNow().ToString("O"));
        var active = await _app.Read("auditor", $"/v1/audit/active/retail-tiering?at={now}");
        var seed = await _app.Refused("approver", Cancel(active.GetProperty("sequence").GetInt64()),
            new { comment = "Undo the seed" }, HttpStatusCode.Conflict);

        Assert.Contains("already cancelled", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("took effect", seed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_schedule_whose_time_has_come_can_no_longer_be_cancelled()
    {
        _app.Clock.Advance(TimeSpan.FromDays(7));

        var late = await _app.Refused("approver", Cancel(_scheduled),
            new { comment = "Too late" }, HttpStatusCode.Conflict);

        Assert.Contains("took effect", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancellation_needs_a_comment_an_approver_and_an_existing_activation()
    {
        var blank = await _app.Refused("approver", Cancel(_scheduled),
            new { comment = " " }, HttpStatusCode.UnprocessableEntity);
        await _app.Refused("editor", Cancel(_scheduled),
            new { comment = "Not mine to cancel" }, HttpStatusCode.Forbidden);
        await _app.Refused("approver", "/v1/rulesets/corporate-tiering/activations/" + _scheduled + "/cancel",
            new { comment = "Wrong rule set" }, HttpStatusCode.NotFound);

        Assert.Equal("comment", blank.OnlyErrorPath());
    }

    private static string Cancel(long sequence) => $"/v1/rulesets/retail-tiering/activations/{sequence}/cancel";
}
