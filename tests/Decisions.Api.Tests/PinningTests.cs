using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// A teller may pin only a version that has been active at some instant at or before the decision time (and
/// before now), and only for decision times in the documented range [1900-01-01, 2100-01-01).
/// </summary>
public sealed class PinningTests : IAsyncLifetime
{
    private static readonly object Customer = new { customerId = "R-PIN", avgDailyBalance = 400000,
        lastTierReviewDate = "2026-03-01" };
    private readonly DecisionsAppFixture _app = new();

    public Task InitializeAsync() => _app.ApproveLowerVipThreshold();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task An_approved_version_never_activated_cannot_be_pinned()
    {
        var refused = await (await Decide(version: 2, asOf: null)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("version", refused.OnlyErrorPath());
    }

    [Fact]
    public async Task A_version_scheduled_for_next_year_cannot_be_pinned_even_for_a_time_after_it()
    {
        var nextYear = _app.Clock.GetUtcNow().AddYears(1);
        await _app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/activate",
            new { comment = "Next year", effectiveAt = nextYear }, HttpStatusCode.OK);

        var refused = await (await Decide(version: 2, asOf: nextYear.AddDays(1)))
            .Problem(HttpStatusCode.UnprocessableEntity);

        var error = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Contains("was not active", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rolled_back_version_stays_pinnable_from_its_activation_on_and_not_before()
    {
        var activatedAt = _app.Clock.GetUtcNow();
        await _app.Post("approver", "/v1/rulesets/retail-tiering/versions/2/activate",
            new { comment = "Go" }, HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromHours(2));
        await _app.Post("approver", "/v1/rulesets/retail-tiering/rollback",
            new { toVersion = 1, comment = "Back" }, HttpStatusCode.OK);

        var during = await (await Decide(version: 2, asOf: activatedAt.AddHours(1))).Json(HttpStatusCode.OK);
        var after = await (await Decide(version: 2, asOf: activatedAt.AddDays(30))).Json(HttpStatusCode.OK);
        var before = await (await Decide(version: 2, asOf: activatedAt.AddDays(-1)))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(2, during.GetProperty("ruleSet").GetProperty("version").GetInt32());
        Assert.Equal("VIP", after.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal("version", before.OnlyErrorPath());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+00:00", 1)]
    [InlineData("9999-12-31T23:59:59+00:00", 1)]
    [InlineData("1899-12-31T23:59:59+00:00", null)]
    [InlineData("2100-01-01T00:00:00+00:00", null)]
    public async Task A_decision_time_outside_the_documented_range_is_refused_and_not_logged(string asOf, int? version)
    {
        var refused = await (await Decide(version,
            DateTimeOffset.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("asOf", refused.OnlyErrorPath());
        var logged = (await _app.Read("auditor", "/v1/decisions?customerId=R-PIN")).Items();
        Assert.Equal(0, logged.GetArrayLength());
    }

    [Fact]
    public async Task The_active_version_pinned_at_the_edges_of_the_range_after_its_activation_is_decided()
    {
        var answered = await (await Decide(version: 1,
            asOf: new DateTimeOffset(2099, 12, 31, 23, 59, 59, TimeSpan.Zero))).Json(HttpStatusCode.OK);

        Assert.Equal(1, answered.GetProperty("ruleSet").GetProperty("version").GetInt32());
    }

    private Task<HttpResponseMessage> Decide(int? version, DateTimeOffset? asOf) =>
        _app.Client("teller").PostJson("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = Customer, version, asOf });
}
