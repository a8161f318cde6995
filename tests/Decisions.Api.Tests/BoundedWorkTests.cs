using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Decisions.Api.Tests;

/// <summary>
/// A rule author cannot take the machine: an oversized rule set is refused with 422 and the path, and a rule
/// that would run for minutes fails its tests on the evaluation budget; tellers are answered meanwhile.
/// </summary>
public sealed class BoundedWorkTests : IAsyncLifetime
{
    private static readonly object Customer =
        new { customerId = "R-7", avgDailyBalance = 400000, lastTierReviewDate = "2026-03-01" };
    private const string Version2 = "/v1/rulesets/retail-tiering/versions/2";
    private readonly DecisionsAppFixture _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Operators_set_the_engine_limits_from_configuration()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> {
            ["Engine:MaxScoreRules"] = "1" });

        var list = (await (await app.Client("editor").GetAsync("/v1/rulesets")).Json(HttpStatusCode.OK)).Items();
        var names = list.EnumerateArray().Select(r => r.GetProperty("name").GetString()).ToList();

        Assert.Contains("retail-tiering", names);
        Assert.Contains("big-customer-revenue", names);
        Assert.DoesNotContain("prospect-grading", names);
    }

    [Fact]
    public async Task A_rule_set_with_8000_score_rules_cannot_be_submitted_and_tellers_are_answered_meanwhile()
    {
        var content = await Draft(json =>
        {
            var rules = json["scores"]!["rules"]!.AsArray();
            for (var i = 0; i < 8_000; i++)
            {
                rules.Add(new JsonObject { ["name"] = $"s{i}", ["expression"] = $"customer.avgDailyBalance * {i}" });
            }
        });

        var submit = _app.Client("editor").PostJson($"{Version2}/submit", new { comment = "big" });
        var tier = await Tier();
        var problem = await (await submit).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.True(content.ToJsonString().Length > 400_000);
        Assert.Equal("TARGET", tier);
        Assert.Contains(problem.GetProperty("errors").EnumerateArray(), e =>
            e.GetProperty("path").GetString() == "scores.rules"
            && e.GetProperty("message").GetString()!.Contains("at most 100 score rules", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quadratic_list_rule_fails_its_tests_on_the_budget_and_tellers_are_answered_meanwhile()
    {
        await Draft(json =>
        {
            json["parameters"]!["lst"] = new JsonObject
            {
                ["type"] = "string[]",
                ["value"] = new JsonArray([.. Enumerable.Range(0, 1_000).Select(i => (JsonNode)$"item{i}")]),
            };
            json["privileges"]!["rules"]![0]!["when"] = "params.lst.Any(a => params.lst.Distinct().Count() < 0)";
        });

        var validate = _app.Client("editor").PostAsync($"{Version2}/validate", null);
        var tier = await Tier();
        var validation = await (await validate).Json(HttpStatusCode.OK);

        Assert.Equal("TARGET", tier);
        Assert.False(validation.GetProperty("valid").GetBoolean());
        Assert.Contains(validation.GetProperty("problems").EnumerateArray(), p =>
            p.GetProperty("message").GetString()!.Contains("evaluation budget", StringComparison.Ordinal));
    }

    private async Task<JsonObject> Draft(Action<JsonObject> change)
    {
        var editor = _app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var detail = await (await editor.GetAsync(Version2)).Json(HttpStatusCode.OK);
        var content = JsonNode.Parse(detail.GetProperty("content").GetRawText())!.AsObject();
        change(content);
        await (await editor.PutAsJsonAsync(Version2, content)).Json(HttpStatusCode.OK);
        return content;
    }

    private async Task<string?> Tier()
    {
        var request = new { ruleSet = "retail-tiering", customer = Customer };
        var decision = await (await _app.Client("teller").PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);
        return decision.GetProperty("tier").GetProperty("code").GetString();
    }
}
