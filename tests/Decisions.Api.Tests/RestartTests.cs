using System.Net;

namespace Decisions.Api.Tests;

/// <summary>The store outlives the process: seeding is idempotent and logged decisions replay after a restart.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_restart_adds_no_seed_versions_and_replays_decisions_made_before_it()
    {
        var first = new DecisionsAppFixture();
        var answered = await (await first.Client("teller").PostJson("/v1/decisions", new
        {
            ruleSet = "prospect-grading",
            customer = new { customerId = "P-1", occupation = "executive", annualIncome = 160000, age = 40, familyStatus = "married_with_children", education = "bachelor", yearsKnown = 4, contactEase = "easy", influence = "high" },
        })).Json(HttpStatusCode.OK);
        var trailBefore = await (await first.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK);

        var second = await first.Restart();
        try
        {
            var trailAfter = await (await second.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK);
            var replay = await (await second.Client("auditor").PostAsync($"/v1/decisions/{answered.GetProperty("decisionId").GetString()}/replay", null)).Json(HttpStatusCode.OK);

            Assert.Equal(trailBefore.GetArrayLength(), trailAfter.GetArrayLength());
            Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
