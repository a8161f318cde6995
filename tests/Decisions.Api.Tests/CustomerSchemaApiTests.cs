using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// A teller system's contract for the customer: each version's input schema as JSON Schema, and a typed API
/// document per rule set whose decision requests name the active version's customer type.
/// </summary>
public sealed class CustomerSchemaApiTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    [Fact]
    public async Task A_version_input_schema_is_json_schema_2020_12_of_its_fields()
    {
        var response = await app.Client("auditor").GetAsync("/v1/rulesets/retail-tiering/versions/1/input-schema");
        var schema = await response.Json(HttpStatusCode.OK);

        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        Assert.Contains("customerId", schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var balance = schema.GetProperty("properties").GetProperty("avgDailyBalance");
        Assert.Equal("decimal", balance.GetProperty("format").GetString());
    }

    [Fact]
    public async Task The_active_input_schema_is_the_active_version_s()
    {
        // The test host stores and activates version 1 only; version 2, with new fields, comes in as a draft.
        var path = Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets", "retail-tiering", "v2.json");
        var file = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement;
        var draft = await app.Post("editor", "/v1/rulesets/import", file, HttpStatusCode.Created);
        var version = draft.GetProperty("version").GetInt32();

        var active = await app.Read("editor", "/v1/rulesets/retail-tiering/input-schema");
        var first = await app.Read("editor", "/v1/rulesets/retail-tiering/versions/1/input-schema");
        var second = await app.Read("editor", $"/v1/rulesets/retail-tiering/versions/{version}/input-schema");

        Assert.Equal(first.GetRawText(), active.GetRawText());
        Assert.NotEqual(first.GetProperty("properties").GetRawText(), second.GetProperty("properties").GetRawText());
    }

    [Theory]
    [InlineData("teller", "/v1/rulesets/retail-tiering/input-schema", HttpStatusCode.Forbidden)]
    [InlineData("auditor", "/v1/rulesets/no-such-rules/input-schema", HttpStatusCode.NotFound)]
    [InlineData("auditor", "/v1/rulesets/retail-tiering/versions/99/input-schema", HttpStatusCode.NotFound)]
    public async Task Input_schemas_are_read_like_the_versions(string who, string url, HttpStatusCode expected)
    {
        await (await app.Client(who).GetAsync(url)).Problem(expected);
    }

    [Fact]
    public async Task The_typed_document_names_the_active_customer_in_decision_requests()
    {
        var answer = await app.Anonymous().GetAsync("/openapi/rulesets/retail-tiering.json");
        var document = await answer.Json(HttpStatusCode.OK);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var reference = "#/components/schemas/RetailTieringCustomer";

        Assert.Equal(reference, Property(schemas, "DecisionRequest", "customer").GetProperty("$ref").GetString());
        var items = Property(schemas, "BatchDecisionRequest", "customers").GetProperty("items");
        Assert.Equal(reference, items.GetProperty("$ref").GetString());
        var active = await app.Read("auditor", "/v1/rulesets/retail-tiering/input-schema");
        var typed = schemas.GetProperty("RetailTieringCustomer");
        Assert.Equal(active.GetProperty("properties").GetRawText(), typed.GetProperty("properties").GetRawText());
        Assert.Contains("/v1/decisions/{id}/replay",
            document.GetProperty("paths").EnumerateObject().Select(p => p.Name));
        var ruleSet = Property(schemas, "BatchDecisionRequest", "ruleSet");
        Assert.Equal("retail-tiering", ruleSet.GetProperty("default").GetString());
    }

    [Fact]
    public async Task A_rule_set_without_an_active_version_has_no_typed_document()
    {
        await (await app.Anonymous().GetAsync("/openapi/rulesets/no-such-rules.json")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_main_document_says_a_batch_holds_customer_objects()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var items = Property(schemas, "BatchDecisionRequest", "customers").GetProperty("items");

        Assert.Equal("object", items.GetProperty("type").GetString());
    }

    private static JsonElement Property(JsonElement schemas, string schema, string property) =>
        schemas.GetProperty(schema).GetProperty("properties").GetProperty(property);
}
