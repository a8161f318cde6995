using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// The store outlives the process: seeding is idempotent and logged decisions replay after a restart.
/// </summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Stopping_the_host_under_load_keeps_every_answered_decision()
    {
        var first = new DecisionsAppFixture();
        var teller = first.Client("teller");
        var before = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var answer = await (await teller.PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = new { customerId = $"B-{i}", avgDailyBalance = i } }))
                .Json(HttpStatusCode.OK);
            before.Add(answer.GetProperty("decisionId").GetString()!);
        }

        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            try
            {
                var response = await teller.PostJson("/v1/decisions",
                    new { ruleSet = "retail-tiering",
                        customer = new { customerId = $"S-{i}", avgDailyBalance = i * 1000 } });
                return response.IsSuccessStatusCode
                    ? (await response.Json(HttpStatusCode.OK)).GetProperty("decisionId").GetString()
                    : null;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return null;
            }
        }).ToList();
        await Task.Delay(50);

        var second = await first.Restart();
        try
        {
            var answered = (await Task.WhenAll(requests)).OfType<string>().Concat(before).ToList();
            var auditor = second.Client("auditor");
            foreach (var id in answered)
            {
                Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/v1/decisions/{id}")).StatusCode);
            }

            var verify = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
            Assert.True(verify.GetProperty("intact").GetBoolean());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_restart_adds_no_seed_versions_and_replays_decisions_made_before_it()
    {
        var first = new DecisionsAppFixture();
        var answered = await (await first.Client("teller").PostJson("/v1/decisions", new
        {
            ruleSet = "prospect-grading",
            customer = new { customerId = "P-1", occupation = "executive", annualIncome = 160000, age = 40,
                familyStatus = "married_with_children", education = "bachelor", yearsKnown = 4,
                contactEase = "easy", influence = "high" },
        })).Json(HttpStatusCode.OK);
        var trailBefore = (await (await first.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK)).Items();

        var second = await first.Restart();
        try
        {
            var trailAfter = (await (await second.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK))
                .Items();
            var replay = await (await second.Client("auditor")
                .PostAsync($"/v1/decisions/{answered.GetProperty("decisionId").GetString()}/replay", null))
                .Json(HttpStatusCode.OK);

            Assert.Equal(trailBefore.GetArrayLength(), trailAfter.GetArrayLength());
            Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        }
        finally
        {
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_restart_never_activates_a_draft_even_of_a_rule_set_nobody_activated()
    {
        var first = new DecisionsAppFixture();
        var editor = first.Client("editor");
        var exported = await (await editor.GetAsync("/v1/rulesets/retail-tiering/versions/1/export"))
            .Content.ReadAsStringAsync();
        var copy = System.Text.Json.Nodes.JsonNode.Parse(exported)!;
        copy["name"] = "retail-tiering-pilot";
        await (await editor.PostAsync("/v1/rulesets/import",
            new StringContent(copy.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
            .Json(HttpStatusCode.Created);
        var trailBefore = (await (await first.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK)).Items();

        var second = await first.Restart();
        try
        {
            var trailAfter = (await (await second.Client("auditor").GetAsync("/v1/audit")).Json(HttpStatusCode.OK))
                .Items();
            Assert.Equal(trailBefore.GetArrayLength(), trailAfter.GetArrayLength());
            await (await second.Client("editor")
                .PostJson("/v1/rulesets/retail-tiering-pilot/versions/1/submit", new { comment = "pilot" }))
                .Json(HttpStatusCode.OK);
            await (await second.Client("approver")
                .PostJson("/v1/rulesets/retail-tiering-pilot/versions/1/approve", new { comment = "ok" }))
                .Json(HttpStatusCode.OK);

            var overview = (await (await second.Client("approver").GetAsync("/v1/rulesets")).Json(HttpStatusCode.OK))
                .Items();
            var pilot = overview.EnumerateArray()
                .Single(r => r.GetProperty("name").GetString() == "retail-tiering-pilot");
            Assert.Equal(System.Text.Json.JsonValueKind.Null, pilot.GetProperty("activeVersion").ValueKind);
            var unserved = await (await second.Client("teller")
                .PostJson("/v1/decisions",
                    new { ruleSet = "retail-tiering-pilot",
                        customer = new { customerId = "P-1", avgDailyBalance = 1 } })).Problem(HttpStatusCode.NotFound);
            Assert.Contains("no active version", unserved.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
