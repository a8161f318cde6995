using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A teller's answer carries the reasons of what was decided and no trace; explain=full (query or body) adds the
/// trace with every comparison and why-not; each answer replays identical at the level it was given at.
/// </summary>
public sealed class ExplainApiTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private static readonly object Target = new { customerId = "R-300", avgDailyBalance = 320000,
        lastTierReviewDate = "2026-03-01" };

    private async Task<JsonElement> Decide(string url, object body) =>
        await app.Post("teller", url, body, HttpStatusCode.OK);

    private async Task AssertReplaysIdentical(JsonElement answer)
    {
        var replay = await app.Post("auditor", $"/v1/decisions/{answer.GetProperty("decisionId").GetString()}/replay",
            new { }, HttpStatusCode.OK);
        Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
    }

    [Fact]
    public async Task The_default_answer_has_the_reasons_with_values_and_no_trace_and_replays_identical()
    {
        var answer = await Decide("/v1/decisions", new { ruleSet = "retail-tiering", customer = Target });

        Assert.Equal("reasons", answer.GetProperty("explain").GetString());
        Assert.False(answer.TryGetProperty("trace", out _));
        Assert.False(answer.TryGetProperty("whyNot", out _));
        var tier = answer.GetProperty("reasons")[0];
        Assert.Equal("TARGET", tier.GetProperty("rule").GetString());
        var branch = Assert.Single(tier.GetProperty("condition").GetProperty("parts").EnumerateArray());
        Assert.Equal("customer.avgDailyBalance = 320000 >= params.targetAvgDailyBalance = 50000",
            branch.GetProperty("text").GetString());
        Assert.Equal(320000m, branch.GetProperty("operands")[0].GetProperty("value").GetDecimal());
        await AssertReplaysIdentical(answer);
    }

    [Theory]
    [InlineData("/v1/decisions?explain=full", null)]
    [InlineData("/v1/decisions", "full")]
    public async Task Explain_full_adds_every_comparison_to_the_trace_and_why_not_and_replays_identical(
        string url, string? body)
    {
        var answer = await Decide(url, new { ruleSet = "retail-tiering", customer = Target, explain = body });

        Assert.Equal("full", answer.GetProperty("explain").GetString());
        var vip = answer.GetProperty("trace")
            .EnumerateArray()
            .First(entry => entry.GetProperty("rule").GetString() == "VIP");
        Assert.Equal(4, vip.GetProperty("condition").GetProperty("parts").GetArrayLength());
        var whyNot = Assert.Single(answer.GetProperty("whyNot").EnumerateArray());
        Assert.Equal("VIP", whyNot.GetProperty("rule").GetString());
        Assert.Contains(whyNot.GetProperty("condition").GetProperty("parts").EnumerateArray(),
            part =>
                part.GetProperty("text")
                    .GetString() == "customer.avgDailyBalance = 320000 >= params.vipAvgDailyBalance = 500000");
        await AssertReplaysIdentical(answer);
    }

    [Fact]
    public async Task Explain_counterfactual_adds_what_it_would_take_and_replays_identical()
    {
        var answer = await Decide("/v1/decisions",
            new { ruleSet = "retail-tiering", customer = Target, explain = "counterfactual" });

        Assert.Equal("counterfactual", answer.GetProperty("explain").GetString());
        var vip = Assert.Single(answer.GetProperty("whatItWouldTake").EnumerateArray());
        Assert.Equal("VIP", vip.GetProperty("tier").GetString());
        var balance = vip.GetProperty("changes")[0];
        Assert.Equal(("avgDailyBalance", 320000m, 500000m, 180000m), (balance.GetProperty("field").GetString(),
            balance.GetProperty("from")
                .GetDecimal(), balance.GetProperty("to")
                .GetDecimal(), balance.GetProperty("difference")
                .GetDecimal()));
        Assert.True(answer.TryGetProperty("trace", out _));
        await AssertReplaysIdentical(answer);
    }

    [Fact]
    public async Task A_batch_is_explained_to_the_level_asked_for_each_customer()
    {
        var batch = await Decide("/v1/decisions/batch?explain=full", new
        {
            ruleSet = "retail-tiering",
            customers = new[] { Target,
                new { customerId = "R-301", avgDailyBalance = 900000, lastTierReviewDate = "2026-03-01" } },
        });

        Assert.All(batch.Items().EnumerateArray(), item =>
            Assert.True(item.GetProperty("decision").GetProperty("trace").GetArrayLength() > 20));
        await AssertReplaysIdentical(batch.Items()[1].GetProperty("decision"));
    }

    [Fact]
    public async Task A_retried_request_gets_the_logged_answer_with_its_reasons_byte_for_byte()
    {
        var client = app.Client("teller");
        var body = new { ruleSet = "retail-tiering", customer = Target, asOf = "2026-06-01T09:00:00+08:00" };
        async Task<string> Send()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/decisions?explain=full")
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Add("Idempotency-Key", "explain-retry-1");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        Assert.Equal(await Send(), await Send());
    }

    [Theory]
    [InlineData("/v1/decisions?explain=everything", null)]
    [InlineData("/v1/decisions?explain=full", "reasons")]
    public async Task An_unknown_or_contradictory_explain_option_is_refused_with_its_path(string url, string? body)
    {
        var problem = await app.Refused("teller", url,
            new { ruleSet = "retail-tiering", customer = Target, explain = body }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("explain", problem.OnlyErrorPath());
    }

    [Fact]
    public async Task Replay_shows_a_default_answer_fully_explained_and_compares_it_at_its_own_level()
    {
        var answer = await Decide("/v1/decisions", new { ruleSet = "retail-tiering", customer = Target });
        var id = answer.GetProperty("decisionId").GetString();

        var replay = await app.Post("auditor", $"/v1/decisions/{id}/replay?explain=full", new { }, HttpStatusCode.OK);

        Assert.True(replay.GetProperty("identical").GetBoolean(), replay.ToString());
        Assert.Equal("full", replay.GetProperty("replayed").GetProperty("explain").GetString());
        Assert.Equal(1, replay.GetProperty("replayed").GetProperty("whyNot").GetArrayLength());
    }

    [Theory]
    [InlineData("/v1/rulesets/retail-tiering/versions/1/simulate?explain=counterfactual", null)]
    [InlineData("/v1/rulesets/retail-tiering/versions/1/simulate", "counterfactual")]
    public async Task Simulate_is_explained_to_the_level_asked_for_like_a_decision(string url, string? body)
    {
        var simulated = await app.Post("editor", url, new { customer = Target, explain = body }, HttpStatusCode.OK);

        var decision = simulated.GetProperty("decision");
        Assert.Equal("VIP",
            Assert.Single(decision.GetProperty("whyNot").EnumerateArray()).GetProperty("rule").GetString());
        var balance = decision.GetProperty("whatItWouldTake")[0].GetProperty("changes")[0];
        Assert.Equal(("avgDailyBalance", 500000m),
            (balance.GetProperty("field").GetString(), balance.GetProperty("to").GetDecimal()));
    }

    [Fact]
    public async Task Simulate_refuses_an_unknown_explain_option_with_its_path()
    {
        var problem = await app.Refused("editor", "/v1/rulesets/retail-tiering/versions/1/simulate?explain=all",
            new { customer = Target }, HttpStatusCode.UnprocessableEntity);

        Assert.Equal("explain", problem.OnlyErrorPath());
    }
}
