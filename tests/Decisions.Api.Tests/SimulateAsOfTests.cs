using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A simulation decides at the as-of it is given (the console's field), and at the service's now without one.
/// </summary>
public sealed class SimulateAsOfTests
{
    private const string Simulate = "/v1/rulesets/retail-tiering/versions/1/simulate";

    private static readonly object Customer =
        new { customerId = "S-BIRTHDAY", avgDailyBalance = 20_000, birthDate = "1980-07-20",
            lastTierReviewDate = "2026-01-01" };

    [Fact]
    public async Task A_birthday_five_days_after_the_as_of_greets_and_one_months_away_does_not()
    {
        await using var app = new DecisionsAppFixture();

        var near = await app.Post("editor", Simulate,
            new { customer = Customer, asOf = "2026-07-15T10:00:00+08:00" }, HttpStatusCode.OK);
        var far = await app.Post("editor", Simulate,
            new { customer = Customer, asOf = "2026-03-01T10:00:00+08:00" }, HttpStatusCode.OK);
        var now = await app.Post("editor", Simulate, new { customer = Customer }, HttpStatusCode.OK);

        Assert.Equal(("2026-07-15T10:00:00+08:00", "BIRTHDAY_GREETING"), Decided(near));
        Assert.Equal(("2026-03-01T10:00:00+08:00", "MICRO_MARKETING"), Decided(far));
        Assert.Equal(app.Clock.GetUtcNow(), now.GetProperty("decision").GetProperty("asOf").GetDateTimeOffset());
    }

    private static (string?, string?) Decided(JsonElement simulation) =>
        (simulation.GetProperty("decision").GetProperty("asOf").GetString(),
            simulation.GetProperty("decision").GetProperty("nextAction").GetProperty("code").GetString());
}
