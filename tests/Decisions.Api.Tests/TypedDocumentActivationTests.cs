using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>The typed document follows the activations: its customer is always the active version's.</summary>
public sealed class TypedDocumentActivationTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private const string Retail = "/v1/rulesets/retail-tiering";

    [Fact]
    public async Task Activating_a_version_with_a_new_field_types_it_in_the_document()
    {
        // Version 2 adds customerSince (the loyal-customer salon); the test host starts with version 1 active.
        Assert.False(await DocumentTypes("customerSince"));
        var path = Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets", "retail-tiering", "v2.json");
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement;
        await app.Post("editor", "/v1/rulesets/import", file, HttpStatusCode.Created);
        await app.Post("editor", $"{Retail}/versions/2/submit",
            new { comment = "Version 2 of the seed" }, HttpStatusCode.OK);
        Assert.False(await DocumentTypes("customerSince"));

        await app.Post("approver", $"{Retail}/versions/2/approve", new { comment = "Read" }, HttpStatusCode.OK);
        await app.Post("approver", $"{Retail}/versions/2/activate", new { comment = "Go live" }, HttpStatusCode.OK);

        Assert.True(await DocumentTypes("customerSince"));
    }

    private async Task<bool> DocumentTypes(string field)
    {
        var answer = await app.Anonymous().GetAsync("/openapi/rulesets/retail-tiering.json");
        var schemas = (await answer.Json(HttpStatusCode.OK)).GetProperty("components").GetProperty("schemas");
        return schemas.GetProperty("RetailTieringCustomer").GetProperty("properties").TryGetProperty(field, out _);
    }
}
