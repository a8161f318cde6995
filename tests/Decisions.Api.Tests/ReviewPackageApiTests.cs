using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// What an approver reads before deciding: the submitter's comment on the version, and the tests' results and
/// the impact analysis, which every role that writes or reviews versions may run and no other role may.
/// </summary>
public sealed class ReviewPackageApiTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    [Fact]
    public async Task A_version_answers_the_comment_its_submitter_gave_and_none_before_it_is_submitted()
    {
        var draft = await app.Post("editor", "/v1/rulesets/corporate-tiering/drafts",
            new { from = 1 }, HttpStatusCode.Created);
        var url = $"/v1/rulesets/corporate-tiering/versions/{draft.GetProperty("version").GetInt32()}";
        Assert.Equal(System.Text.Json.JsonValueKind.Null,
            (await app.Read("approver", url)).GetProperty("submitComment").ValueKind);

        await app.Post("editor", $"{url}/submit",
            new { comment = "Raise the corporate line for Q3" }, HttpStatusCode.OK);

        var detail = await app.Read("approver", url);
        Assert.Equal("Raise the corporate line for Q3", detail.GetProperty("submitComment").GetString());
    }

    public static TheoryData<string, string, HttpStatusCode> ReviewChecks()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var check in new[] { "validate", "impact" })
        {
            foreach (var (role, expected) in new[]
            {
                ("editor", HttpStatusCode.OK), ("approver", HttpStatusCode.OK), ("admin", HttpStatusCode.OK),
                ("teller", HttpStatusCode.Forbidden), ("auditor", HttpStatusCode.Forbidden),
            })
            {
                data.Add(check, role, expected);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ReviewChecks))]
    public async Task Validating_and_analysing_impact_are_open_to_the_roles_that_write_or_review_versions(
        string check, string role, HttpStatusCode expected)
    {
        var response = await app.Client(role)
            .PostJson($"/v1/rulesets/retail-tiering/versions/1/{check}", new { last = 10 });

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK)
        {
            var answer = await response.Json(HttpStatusCode.OK);
            Assert.True(check == "validate" ? answer.GetProperty("testsPassed")
                .GetInt32() > 0 : answer.TryGetProperty("tierMigrations", out _));
        }
    }
}
