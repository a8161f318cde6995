using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// An auditor who knows only the start of a customer id finds those customers' decisions, newest first and paged,
/// the prefix taken as typed on both stores (case-sensitive; '%' and '_' are plain characters, not wildcards).
/// </summary>
public sealed class DecisionSearchPrefixTests
{
    [Fact]
    public async Task A_prefix_finds_the_decisions_of_every_customer_whose_id_starts_with_it_and_no_other()
    {
        await using var app = new DecisionsAppFixture();
        var ids = new Dictionary<string, string>();
        foreach (var customer in new[] { "PFX-1", "PFX-2", "PFX_3", "pfx-4", "X-PFX-5", "PFX-1" })
        {
            ids[customer] = await Decide(app, customer);
        }

        Assert.Equal(["PFX-1", "PFX-2", "PFX-1"], await Customers(app, "customerIdPrefix=PFX-"));
        Assert.Equal(["PFX_3"], await Customers(app, "customerIdPrefix=PFX_"));
        Assert.Equal(["PFX-2"], await Customers(app, "customerIdPrefix=PFX-2&ruleSet=retail-tiering"));
        Assert.Empty(await Customers(app, "customerIdPrefix=PFX-2&ruleSet=prospect-grading"));
        Assert.Equal(["PFX-1", "PFX-1"], await Customers(app, "customerIdPrefix=PFX&customerId=PFX-1"));
        Assert.Empty(await Customers(app, "customerIdPrefix=PFX%25"));

        var first = await app.Read("auditor", "/v1/decisions?customerIdPrefix=PFX-&limit=2");
        var cursor = Uri.EscapeDataString(first.GetProperty("next").GetString()!);
        var second = await app.Read("auditor", $"/v1/decisions?customerIdPrefix=PFX-&limit=2&cursor={cursor}");
        Assert.Equal([ids["PFX-1"], ids["PFX-2"]],
            first.Items().EnumerateArray().Select(d => d.GetProperty("decisionId").GetString()));
        Assert.Equal(["PFX-1"], second.Items().EnumerateArray().Select(d => d.GetProperty("customerId").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-prefix-longer-than-any-customer-id-a-bank-issues-a-prefix-longer-than-any-customer-id-a-bank-issues-"
        + "a-prefix-longer-than-any-customer")]
    public async Task An_empty_or_overlong_prefix_is_refused_with_a_problem(string prefix)
    {
        await using var app = new DecisionsAppFixture();

        var problem = await (await app.Client("auditor").GetAsync($"/v1/decisions?customerIdPrefix={prefix}"))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains("customerIdPrefix", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<string?>> Customers(DecisionsAppFixture app, string query) =>
        [.. (await app.Read("auditor", $"/v1/decisions?{query}")).Items().EnumerateArray()
            .Select(d => d.GetProperty("customerId").GetString())];

    private static async Task<string> Decide(DecisionsAppFixture app, string customerId) =>
        (await app.Post("teller", "/v1/decisions",
            new { ruleSet = "retail-tiering", customer = new { customerId, avgDailyBalance = 20_000 } },
            HttpStatusCode.OK))
        .GetProperty("decisionId").GetString()!;
}
