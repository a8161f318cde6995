using System.Globalization;
using Decisions.Api.Auth;
using Decisions.Api.Decisions;
using Decisions.Api.Errors;
using Decisions.Api.OpenApi;
using Decisions.Api.Outcomes;
using Decisions.Engine;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Decisions.Api.RuleSets;

/// <summary>
/// The customer a version takes, as JSON Schema 2020-12: what a teller system validates against, or generates a
/// type from, before it asks for a decision. Read by the same roles as the versions themselves, since a draft's
/// schema is unreleased work; the active version's is also in the anonymous typed document
/// (<see cref="RuleSetDocuments"/>).
/// </summary>
public static class CustomerSchemaEndpoints
{
    /// <summary>The media type of a JSON Schema document.</summary>
    public const string MediaType = "application/schema+json";

    public static IEndpointRouteBuilder MapCustomerSchemaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/rulesets").WithTags("Rule sets").CommonProblems();
        group.MapGet("/{name}/versions/{version:int}/input-schema", OfVersion).RequireAuthorization(Roles.Read)
            .WithName("GetVersionInputSchema").WithSummary("A version's customer input as JSON Schema 2020-12")
            .AddOpenApiOperationTransformer(DescribeSchema).Problems(404);
        group.MapGet("/{name}/input-schema", OfActive).RequireAuthorization(Roles.Read)
            .WithName("GetActiveInputSchema").WithSummary("The active version's customer input as JSON Schema 2020-12")
            .AddOpenApiOperationTransformer(DescribeSchema).Problems(404);
        return endpoints;
    }

    /// <summary>The answer is a schema document: an object, named by no component, so no client type clashes.</summary>
    private static Task DescribeSchema(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A JSON Schema 2020-12 document: the customer object the version takes.",
        };
        operation.Responses ??= [];
        operation.Responses[StatusCodes.Status200OK.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = "OK",
            Content = new Dictionary<string, OpenApiMediaType> { [MediaType] = new() { Schema = schema } },
        };
        return Task.CompletedTask;
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> OfVersion(
        string name, int version, RuleSetLifecycle lifecycle, IOptions<DecisionEngineOptions> engine,
        CancellationToken cancellationToken)
    {
        var found = await lifecycle.FindAsync(name, version, cancellationToken);
        return found.Succeeded
            ? Schema(RuleSetJson.Parse(found.Value.Json).RuleSet!, engine.Value)
            : found.Failure.ToProblem();
    }

    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> OfActive(
        string name, DecisionService decisions, TimeProvider clock, IOptions<DecisionEngineOptions> engine,
        CancellationToken cancellationToken)
    {
        var active = await ActiveAsync(name, decisions, clock, cancellationToken);
        return active.Succeeded ? Schema(active.Value, engine.Value) : active.Failure.ToProblem();
    }

    /// <summary>The version a decision for <paramref name="name"/> without a pinned version uses now.</summary>
    public static async Task<Outcome<RuleSet>> ActiveAsync(
        string name, DecisionService decisions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var compiled = await decisions.ResolveAsync(name, null, now, now, cancellationToken);
        return compiled.Succeeded ? compiled.Value.Definition : compiled.Failure;
    }

    private static ContentHttpResult Schema(RuleSet ruleSet, DecisionEngineOptions engine)
    {
        var id = $"/v1/rulesets/{ruleSet.Name}/versions/{ruleSet.Version}/input-schema";
        return TypedResults.Text(
            CustomerSchema.Document(ruleSet, engine.DefaultMaxItems, id).ToJsonString(), MediaType);
    }
}
