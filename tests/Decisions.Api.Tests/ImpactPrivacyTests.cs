using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Decisions.Api.Tests;

/// <summary>
/// An editor, who may not read decisions, cannot single out a customer through impact: a rule that names a
/// customer is refused with its path, and a threshold bisection sees no count under ten and no decision id.
/// </summary>
public sealed class ImpactPrivacyTests
{
    private const string Target = "G-0007-0123";

    [Fact]
    public async Task An_editor_bisecting_a_customers_balance_through_impact_sees_no_count_under_ten_and_no_decision_id_while_an_admin_sees_all()
    {
        await using var app = new DecisionsAppFixture();
        var customers = Enumerable.Range(0, 15)
            .Select(i => new { customerId = i == 0 ? Target : $"R-{i}", avgDailyBalance = i == 0 ? 420000 : 1000 + i })
            .ToArray();
        await (await app.Client("teller")
            .PostJson("/v1/decisions/batch", new { ruleSet = "retail-tiering", customers })).Json(HttpStatusCode.OK);
        var editor = app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);

        await Privilege(editor, $"customer.customerId == \"{Target}\" && customer.avgDailyBalance >= 400000");
        var refused = await (await Impact(editor)).Problem(HttpStatusCode.UnprocessableEntity);
        var problem = Assert.Single(refused.GetProperty("errors").EnumerateArray());
        Assert.Equal("privileges.rules[14].when", problem.GetProperty("path").GetString());
        Assert.Contains("customer.customerId", problem.GetProperty("message").GetString(), StringComparison.Ordinal);

        var answers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var threshold in new[] { 100000, 300000, 400000, 450000, 425000, 412500 })
        {
            await Privilege(editor, $"customer.avgDailyBalance >= {threshold}");
            var report = await (await Impact(editor)).Json(HttpStatusCode.OK);
            AssertSinglesOutNobody(report);
            answers.Add(report.GetRawText());
        }

        // The bisection learns nothing: the answer is the same whichever side of the balance the threshold lies.
        Assert.Single(answers);

        var full = await (await Impact(app.Client("admin"))).Json(HttpStatusCode.OK);
        var gained = Assert.Single(full.GetProperty("privilegesGained").EnumerateArray());
        Assert.Equal(1, gained.GetProperty("count").GetInt32());
        Assert.Single(gained.GetProperty("samples").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, full.GetProperty("suppressedBelow").ValueKind);
    }

    private static void AssertSinglesOutNobody(JsonElement report)
    {
        Assert.Equal(10, report.GetProperty("suppressedBelow").GetInt32());
        Assert.Empty(report.GetProperty("failedSamples").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("changed").ValueKind);
        foreach (var list in new[] { "tierMigrations", "privilegesGained", "privilegesLost", "actionChanges" })
        {
            foreach (var cell in report.GetProperty(list).EnumerateArray())
            {
                Assert.Empty(cell.GetProperty("samples").EnumerateArray());
                var shown = cell.GetProperty("count");
                Assert.True(
                    shown.ValueKind == JsonValueKind.Null
                        ? cell.GetProperty("suppressed").GetBoolean()
                        : shown.GetInt32() >= 10,
                    $"{list}: {cell}");
            }
        }
    }

    private static Task<HttpResponseMessage> Impact(HttpClient client) =>
        client.PostJson("/v1/rulesets/retail-tiering/versions/2/impact", new { last = 100 });

    // The draft's privileges with one more at the end, granted when the condition holds.
    private static async Task Privilege(HttpClient editor, string when)
    {
        var detail = await (await editor.GetAsync("/v1/rulesets/retail-tiering/versions/2")).Json(HttpStatusCode.OK);
        var content = JsonNode.Parse(detail.GetProperty("content").GetRawText())!;
        var rules = content["privileges"]!["rules"]!.AsArray();
        rules.Where(r => r!["code"]!.GetValue<string>() == "PROBE").ToList().ForEach(r => rules.Remove(r));

        rules.Add(new JsonObject { ["code"] = "PROBE",
            ["label"] = new JsonObject { ["zh-CN"] = "探针", ["en"] = "Probe" }, ["when"] = when });
        await (await editor.PutAsJsonAsync("/v1/rulesets/retail-tiering/versions/2", content)).Json(HttpStatusCode.OK);
    }
}
