using System.Net;
using System.Text;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A teller asks for a decision; the decision is logged before the answer and an auditor can read and replay it.
/// </summary>
public sealed class DecisionApiTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private static readonly object VipCustomer = new
    {
        customerId = "R-100",
        name = "王芳",
        avgDailyBalance = 800000,
        largeOutflow30d = 250000,
        lastTierReviewDate = "2026-03-01",
    };

    [Fact]
    public async Task A_teller_gets_tier_privileges_action_and_reasons()
    {
        var decision = await (await app.Client("teller")
            .PostJson("/v1/decisions", new { ruleSet = "retail-tiering", customer = VipCustomer }))
            .Json(HttpStatusCode.OK);

        Assert.Equal("VIP", decision.GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal("贵宾客户", decision.GetProperty("tier").GetProperty("label").GetString());
        Assert.Equal("LARGE_OUTFLOW_RETENTION", decision.GetProperty("nextAction").GetProperty("code").GetString());
        Assert.Contains("250,000", decision.GetProperty("nextAction").GetProperty("message").GetString(),
            StringComparison.Ordinal);
        Assert.Contains(decision.GetProperty("privileges").EnumerateArray(),
            p => p.GetProperty("code").GetString() == "DEDICATED_RM");
        Assert.Equal(1, decision.GetProperty("ruleSet").GetProperty("version").GetInt32());
        Assert.StartsWith("sha256:", decision.GetProperty("ruleSet").GetProperty("hash").GetString(),
            StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow(), decision.GetProperty("asOf").GetDateTimeOffset());
        // The reasons of the tier, each of the 11 privileges and the action; the full trace only at explain=full.
        Assert.Equal(13, decision.GetProperty("reasons").GetArrayLength());
        Assert.False(decision.TryGetProperty("trace", out _));
    }

    [Fact]
    public async Task A_decision_is_in_the_log_exactly_as_answered_and_replays_identically()
    {
        var answered = await (await app.Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering", customer = VipCustomer, asOf = "2026-06-01T09:00:00+08:00" }))
                .Json(HttpStatusCode.OK);
        var id = answered.GetProperty("decisionId").GetString();

        var logged = await (await app.Client("auditor").GetAsync($"/v1/decisions/{id}")).Json(HttpStatusCode.OK);
        var replay = await (await app.Client("auditor").PostAsync($"/v1/decisions/{id}/replay", null))
            .Json(HttpStatusCode.OK);

        Assert.True(JsonElement.DeepEquals(answered, logged.GetProperty("output")));
        Assert.Equal("R-100", logged.GetProperty("customerId").GetString());
        Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        Assert.Equal(0, replay.GetProperty("differences").GetArrayLength());
    }

    [Fact]
    public async Task A_pinned_version_and_a_batch_are_decided_and_each_logged()
    {
        var batch = await (await app.Client("teller").PostJson("/v1/decisions/batch", new
        {
            ruleSet = "big-customer-revenue",
            version = 1,
            customers = new object[]
            {
                new { customerId = "G-1", annualRevenue = 5000000, cityGroup = 1 },
                new { customerId = "G-2", annualRevenue = 9000, cityGroup = 2 },
                new { customerId = "G-3", cityGroup = 9 },
            },
        })).Json(HttpStatusCode.OK);

        Assert.Equal(2, batch.GetProperty("decided").GetInt32());
        var items = batch.Items().EnumerateArray().ToList();
        Assert.Equal("DIAMOND", items[0].GetProperty("decision").GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal("VIP", items[1].GetProperty("decision").GetProperty("tier").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, items[2].GetProperty("errors").ValueKind);

        var found = (await (await app.Client("auditor").GetAsync("/v1/decisions?customerId=G-2"))
            .Json(HttpStatusCode.OK)).Items();
        Assert.Equal(items[1].GetProperty("decision").GetProperty("decisionId").GetString(),
            Assert.Single(found.EnumerateArray()).GetProperty("decisionId").GetString());
    }

    [Fact]
    public async Task A_time_range_replays_with_a_summary()
    {
        var from = app.Clock.GetUtcNow();
        await app.Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "corporate-tiering", customer = new { customerId = "C-1", depositBalance = 6000000 } });
        await app.Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "corporate-tiering", customer = new { customerId = "C-2", depositBalance = 100 } });

        var summary = await (await app.Client("auditor")
            .PostJson("/v1/decisions/replay", new { from, to = from.AddMinutes(1), ruleSet = "corporate-tiering" }))
            .Json(HttpStatusCode.OK);

        Assert.Equal(2, summary.GetProperty("replayed").GetInt32());
        Assert.Equal(2, summary.GetProperty("identical").GetInt32());
    }

    [Theory]
    [InlineData("""{ "ruleSet": "no-such-rules", "customer": { "customerId": "x" } }""", HttpStatusCode.NotFound)]
    [InlineData("""{ "ruleSet": "retail-tiering", "version": 99, "customer": { "customerId": "x" } }""",
        HttpStatusCode.NotFound)]
    [InlineData("""{ "ruleSet": "retail-tiering", "customer": { "customerId": "x", "avgDailyBalance": "lots" } }""",
        HttpStatusCode.UnprocessableEntity)]
    [InlineData(
        """{ "ruleSet": "retail-tiering", "customer": { "customerId": "x", "avgDailyBalance": 1, "colour": "red" } }""",
        HttpStatusCode.UnprocessableEntity)]
    [InlineData("""{ "ruleSet": "retail-tiering", "customer": { "customerId": "x" """, HttpStatusCode.BadRequest)]
    [InlineData("""{ "ruleSet": "retail-tiering", "ruleSet": "corporate-tiering", "customer": {} }""",
        HttpStatusCode.BadRequest)]
    [InlineData("""{ "ruleSet": "retail-tiering", "customer": {}, "extra": 1 }""", HttpStatusCode.BadRequest)]
    [InlineData("""{ "ruleSet": "retail-tiering", "customer": {}, "asOf": "yesterday" }""", HttpStatusCode.BadRequest)]
    [InlineData("""[]""", HttpStatusCode.BadRequest)]
    public async Task Bad_requests_get_a_problem_and_never_a_server_error(string body, HttpStatusCode expected)
    {
        var response = await app.Client("teller")
            .PostAsync("/v1/decisions", new StringContent(body, Encoding.UTF8, "application/json"));

        await response.Problem(expected);
    }

    [Fact]
    public async Task Schema_failures_list_every_offending_field()
    {
        var problem = await (await app.Client("teller")
            .PostJson("/v1/decisions",
                new { ruleSet = "retail-tiering",
                    customer = new { customerId = "x", satisfaction = 11, occupation = "astronaut" } }))
            .Problem(HttpStatusCode.UnprocessableEntity);

        var paths = problem.GetProperty("errors")
            .EnumerateArray()
            .Select(e => e.GetProperty("path").GetString())
            .Order()
            .ToList();
        Assert.Equal(["customer.avgDailyBalance", "customer.occupation", "customer.satisfaction"], paths);
    }

    [Fact]
    public async Task No_key_is_401_and_the_wrong_role_is_403()
    {
        var body = new { ruleSet = "retail-tiering", customer = VipCustomer };

        await (await app.Anonymous().PostJson("/v1/decisions", body)).Problem(HttpStatusCode.Unauthorized);
        await (await app.Client("editor").PostJson("/v1/decisions", body)).Problem(HttpStatusCode.Forbidden);
        await (await app.Client("teller").GetAsync("/v1/decisions?customerId=R-100")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Health_and_the_openapi_document_are_served()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/readyz")).StatusCode);
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/decisions", out _));
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/swagger/index.html")).StatusCode);
    }
}
