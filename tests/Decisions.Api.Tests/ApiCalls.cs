using System.Net;
using System.Text.Json;

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
}
