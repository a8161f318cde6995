using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Decisions.Testing;

/// <summary>Steps of the rule-set lifecycle that several behaviours start from.</summary>
public static class PolicySteps
{
    /// <summary>
    /// An editor drafts retail-tiering v2 from v1 with the VIP balance line lowered to 300,000 (and the embedded
    /// test that pins the old line moved with it), submits it, and an approver approves it; it is not activated.
    /// Returns v2 as first drafted (before the edit), with its content and hash.
    /// </summary>
    public static async Task<JsonElement> ApproveLowerVipThreshold(this DecisionsAppFixture app)
    {
        var editor = app.Client("editor");
        await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var detail = await (await editor.GetAsync("/v1/rulesets/retail-tiering/versions/2")).Json(HttpStatusCode.OK);
        var content = JsonNode.Parse(detail.GetProperty("content").GetRawText())!;
        content["parameters"]!["vipAvgDailyBalance"]!["value"] = 300000;
        content["tests"]!.AsArray()
            .First(t => t!["name"]!.GetValue<string>().StartsWith("Just below the VIP", StringComparison.Ordinal))!
            ["customer"]!["avgDailyBalance"] = 299999.99;
        await (await editor.PutAsJsonAsync("/v1/rulesets/retail-tiering/versions/2", content)).Json(HttpStatusCode.OK);
        await (await editor.PostJson("/v1/rulesets/retail-tiering/versions/2/submit",
            new { comment = "Lower the VIP balance line" })).Json(HttpStatusCode.OK);
        await (await app.Client("approver")
            .PostJson("/v1/rulesets/retail-tiering/versions/2/approve", new { comment = "Approved" }))
            .Json(HttpStatusCode.OK);
        return detail;
    }

    /// <summary>
    /// An editor drafts retail-tiering from v1, with the VIP balance line moved to
    /// <paramref name="vipAvgDailyBalance"/> when given (an unchanged copy otherwise), and leaves it a draft. Returns
    /// its version number.
    /// </summary>
    public static async Task<int> DraftRetailTiering(this DecisionsAppFixture app, int? vipAvgDailyBalance = null)
    {
        var editor = app.Client("editor");
        var draft = await (await editor.PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 1 }))
            .Json(HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();
        if (vipAvgDailyBalance is { } threshold)
        {
            var path = $"/v1/rulesets/retail-tiering/versions/{version}";
            var content = JsonNode.Parse((await (await editor.GetAsync(path)).Json(HttpStatusCode.OK))
                .GetProperty("content")
                .GetRawText())!;
            content["parameters"]!["vipAvgDailyBalance"]!["value"] = threshold;
            await (await editor.PutAsJsonAsync(path, content)).Json(HttpStatusCode.OK);
        }

        return version;
    }
}
