using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Decisions.Api.Tests;

/// <summary>One-line calls for the behaviours that drive the API as several people.</summary>
internal static class ApiCalls
{
    public static async Task<JsonElement> Post(this DecisionsAppFixture app,
        string who, string url, object body, HttpStatusCode expected) =>
        await (await app.Client(who).PostJson(url, body)).Json(expected);

    public static async Task<JsonElement> Refused(this DecisionsAppFixture app,
        string who, string url, object body, HttpStatusCode expected) =>
        await (await app.Client(who).PostJson(url, body)).Problem(expected);

    public static async Task<JsonElement> Read(this DecisionsAppFixture app, string who, string url) =>
        await (await app.Client(who).GetAsync(url)).Json(HttpStatusCode.OK);

    /// <summary>The items of a list's page (<c>{ items, limit, next }</c>).</summary>
    public static JsonElement Items(this JsonElement page) => page.GetProperty("items");

    /// <summary>The path of the one error a 422 problem lists.</summary>
    public static string? OnlyErrorPath(this JsonElement problem) =>
        Assert.Single(problem.GetProperty("errors").EnumerateArray()).GetProperty("path").GetString();

    /// <summary>A version's content as an editor reads it, its <c>description</c> replaced when one is given.</summary>
    public static async Task<JsonObject> Content(this DecisionsAppFixture app, string url, string? description = null)
    {
        var detail = await app.Read("editor", url);
        var content = JsonNode.Parse(detail.GetProperty("content").GetRawText())!.AsObject();
        if (description is not null)
        {
            content["description"] = description;
        }

        return content;
    }

    /// <summary>A request with a JSON body and an <c>If-Match</c> header (sent as given, stale or malformed).</summary>
    public static Task<HttpResponseMessage> SendIfMatch(this HttpClient client, HttpMethod method, string url,
        object body, string ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
