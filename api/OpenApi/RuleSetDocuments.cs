using System.Globalization;
using System.Text.Json.Nodes;
using Decisions.Api.Decisions;
using Decisions.Api.Errors;
using Decisions.Api.RuleSets;
using Decisions.Engine;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Decisions.Api.OpenApi;

/// <summary>
/// <c>/openapi/rulesets/{name}.json</c>: the API document in which <c>POST /v1/decisions</c> and <c>/batch</c> take
/// the customer of the rule set's active version as a named schema (<c>RetailTieringCustomer</c>), so that a teller
/// system's generated client has a typed customer and a misspelt or missing field is a compile error, not a 422.
/// Anonymous, as <c>/openapi/v1.json</c> is: code generators fetch documents without keys, and the document holds
/// only the input a teller sends anyway, never a rule, parameter or threshold.
/// </summary>
public static class RuleSetDocuments
{
    public static WebApplication MapRuleSetDocuments(this WebApplication app)
    {
        app.MapGet("/openapi/rulesets/{name}.json", Document).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> Document(
        string name, DecisionService decisions, TimeProvider clock, IOptions<DecisionEngineOptions> engine,
        [FromKeyedServices("v1")] IOpenApiDocumentProvider documents, CancellationToken cancellationToken)
    {
        var active = await CustomerSchemaEndpoints.ActiveAsync(name, decisions, clock, cancellationToken);
        if (!active.Succeeded)
        {
            return active.Failure.ToProblem();
        }

        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var json = JsonNode.Parse(
            await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!;
        TypeCustomers(json, active.Value, engine.Value.DefaultMaxItems);
        return TypedResults.Text(json.ToJsonString(), "application/json");
    }

    private static void TypeCustomers(JsonNode document, RuleSet ruleSet, int defaultMaxItems)
    {
        var typeName = CustomerTypeName(ruleSet.Name);
        var info = document["info"]!;
        info["title"] = $"Decisions: {ruleSet.Name}";
        info["description"] = string.Create(CultureInfo.InvariantCulture,
            $"{info["description"]} Decisions for '{ruleSet.Name}' take the customer of its version {ruleSet.Version}, "
            + $"active when this document was served, as {typeName}; "
            + $"a version pinned with 'version' may take another.");

        var schemas = document["components"]!["schemas"]!;
        schemas[typeName] = CustomerSchema.Of(ruleSet, defaultMaxItems);
        var (single, batch) = (schemas["DecisionRequest"]!["properties"]!,
            schemas["BatchDecisionRequest"]!["properties"]!);
        single["customer"] = Reference(typeName);
        batch["customers"]!["items"] = Reference(typeName);
        single["ruleSet"]!["default"] = ruleSet.Name;
        batch["ruleSet"]!["default"] = ruleSet.Name;
    }

    /// <summary>
    /// The name of the customer schema of <paramref name="ruleSet"/>: <c>retail-tiering</c> →
    /// <c>RetailTieringCustomer</c>.
    /// </summary>
    private static string CustomerTypeName(string ruleSet) =>
        string.Concat(ruleSet.Split('-', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => char.ToUpperInvariant(part[0]) + part[1..])) + "Customer";

    private static JsonObject Reference(string typeName) => new() { ["$ref"] = $"#/components/schemas/{typeName}" };
}
