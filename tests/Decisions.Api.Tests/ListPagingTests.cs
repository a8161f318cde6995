using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// The decision search, the change trail and the rule sets answer <c>{ items, limit, next }</c>: following
/// <c>next</c> reads every item once, also while new ones are appended, and a cursor or limit that no page gave
/// out is a 400 problem.
/// </summary>
public sealed class ListPagingTests
{
    [Fact]
    public async Task Decision_pages_follow_the_cursor_newest_first_without_repeats_when_decisions_are_appended()
    {
        await using var app = new DecisionsAppFixture();
        var decided = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            decided.Add(await app.Decide("PG-1", 1000 * i));
        }

        var first = await app.Read("auditor", "/v1/decisions?customerId=PG-1&limit=2");
        Assert.Equal(2, first.GetProperty("limit").GetInt32());
        var appended = await app.Decide("PG-1");
        var pages = await Pages(app, "/v1/decisions?customerId=PG-1&limit=2", first);
        var read = pages.SelectMany(Ids).ToList();

        Assert.Equal(Enumerable.Reverse(decided), read);
        Assert.DoesNotContain(appended, read);
        var whole = await app.Read("auditor", "/v1/decisions?customerId=PG-1&limit=10");
        Assert.Equal(JsonValueKind.Null, whole.GetProperty("next").ValueKind);
    }

    [Fact]
    public async Task Trail_and_rule_set_pages_read_every_item_once_in_order()
    {
        await using var app = new DecisionsAppFixture();
        var trail = (await app.Read("auditor", "/v1/audit?limit=1000")).Items().EnumerateArray()
            .Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        var ruleSets = (await app.Read("auditor", "/v1/rulesets")).Items().EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()).ToList();

        var trailPage = await app.Read("auditor", "/v1/audit?limit=3");
        var paged = (await Pages(app, "/v1/audit?limit=3", trailPage)).SelectMany(p => p.Items().EnumerateArray())
            .Select(e => e.GetProperty("sequence").GetInt64());
        var namePage = await app.Read("auditor", "/v1/rulesets?limit=1");
        var names = (await Pages(app, "/v1/rulesets?limit=1", namePage)).SelectMany(p => p.Items().EnumerateArray())
            .Select(r => r.GetProperty("name").GetString());

        var retail = (await app.Read("auditor", "/v1/audit?ruleSet=retail-tiering")).Items().EnumerateArray()
            .Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        var retailPage = await app.Read("auditor", "/v1/audit?ruleSet=retail-tiering&limit=1");
        var retailPaged = (await Pages(app, "/v1/audit?ruleSet=retail-tiering&limit=1", retailPage))
            .SelectMany(p => p.Items().EnumerateArray()).Select(e => e.GetProperty("sequence").GetInt64());

        Assert.True(trail.Count > 3 && ruleSets.Count > 1 && retail.Count > 1 && retail.Count < trail.Count);
        Assert.Equal(trail, paged);
        Assert.Equal(ruleSets, names);
        Assert.Equal(retail, retailPaged);
    }

    [Theory]
    [InlineData("/v1/decisions?cursor=not-a-cursor")]
    [InlineData("/v1/audit?cursor=ZGVjaXNpb25zOjQ")]
    [InlineData("/v1/rulesets?cursor=%25%25")]
    [InlineData("/v1/audit?limit=0")]
    [InlineData("/v1/rulesets?limit=1001")]
    [InlineData("/v1/decisions?limit=-1")]
    public async Task A_cursor_no_page_gave_out_or_a_limit_out_of_range_is_a_400_problem(string url)
    {
        await using var app = new DecisionsAppFixture();
        var problem = await (await app.Client("auditor").GetAsync(url)).Problem(HttpStatusCode.BadRequest);
        Assert.Matches("'(cursor|limit)'", problem.GetProperty("detail").GetString());
    }

    private static IEnumerable<string> Ids(JsonElement page) =>
        page.Items().EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()!);

    /// <summary>
    /// <paramref name="first"/> and every page after it, each read with the one before's <c>next</c>.
    /// </summary>
    private static async Task<List<JsonElement>> Pages(DecisionsAppFixture app, string url, JsonElement first)
    {
        var pages = new List<JsonElement> { first };
        while (pages[^1].GetProperty("next").GetString() is { } next)
        {
            pages.Add(await app.Read("auditor", $"{url}&cursor={Uri.EscapeDataString(next)}"));
        }

        return pages;
    }
}
