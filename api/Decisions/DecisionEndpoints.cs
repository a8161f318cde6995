using System.ComponentModel;
using System.Security.Claims;
using System.Text.Json;
using Decisions.Api.Analysis;
using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.Limits;
using Decisions.Api.Lists;
using Decisions.Api.OpenApi;
using Decisions.Api.Outcomes;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Decisions.Api.Decisions;

/// <summary>Decisions for tellers; reading and replaying them for auditors.</summary>
public static class DecisionEndpoints
{
    public const int MaxBatch = 1_000;

    /// <summary>The search's cursors hold the sequence number the next page reads below (newest first).</summary>
    private const string SearchList = "decisions";

    private const string PrefixDescription =
        "Decisions of customers whose id starts with this (1 to 128 characters, as typed: case-sensitive, '%' and '_' "
        + "are plain characters), newest first and paged like any search; with `customerId`, both must hold.";

    private const string ReplayExplainDescription =
        "The replay is compared with the answer at the level it was given at; this shows the replayed decision "
        + "explained to a higher level, e.g. 'counterfactual' to see what it would have taken. "
        + ExplainOption.Description;

    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/decisions").WithTags("Decisions").CommonProblems()
            .AddEndpointFilterFactory(ExplicitOffsetQuery.Filter);
        group.MapPost("", Decide)
            .WithName("MakeDecision")
            .RequireAuthorization(Roles.Decide)
            .WithSummary("Decide for one customer")
            .Problems(404, 409, 422);
        group.MapPost("/batch", DecideBatch)
            .WithName("MakeDecisions")
            .RequireAuthorization(Roles.Decide)
            .WithSummary("Decide for many customers")
            .Problems(404, 409, 422)
            .FewBatchesInFlightPerKey().SpendsOnePermitPerCustomer();
        group.MapGet("", Search)
            .WithName("ListDecisions")
            .RequireAuthorization(Roles.Audit)
            .WithSummary("Search logged decisions by customer, rule set and time")
            .WithDescription(UnreadableDecisions.SearchDescription);
        group.MapGet("/{id}", Get)
            .WithName("GetDecision")
            .RequireAuthorization(Roles.Audit)
            .WithSummary("Read a logged decision")
            .Problems(404, 409);
        group.MapPost("/{id}/replay", Replay)
            .WithName("ReplayDecision")
            .RequireAuthorization(Roles.Audit)
            .WithSummary("Replay a logged decision and compare")
            .Problems(404, 409, 410);
        group.MapPost("/replay", ReplayRange)
            .WithName("ReplayDecisions")
            .RequireAuthorization(Roles.Audit)
            .WithSummary("Replay the decisions of a time range and summarise")
            .Problems(422)
            .WithinAnalysisLimits();
        return endpoints;
    }

    public static async Task<Results<LoggedAnswerResult, ProblemHttpResult>> Decide(
        DecisionRequest request,
        [FromHeader(Name = IdempotencyKey.Header), Description(IdempotencyKey.Description)] string? idempotencyKey,
        [FromQuery, Description(ExplainOption.Description)] string? explain,
        ClaimsPrincipal user, IdempotentDecisions decisions, CancellationToken cancellationToken)
    {
        if (ExplainOption.Parse(explain, request.Explain, out var level) is { } refused)
        {
            return refused.ToProblem();
        }

        var decision = await decisions.DecideAsync(request, level, idempotencyKey, Caller(user), cancellationToken);
        return decision.Succeeded ? new LoggedAnswerResult(decision.Value) : decision.Failure.ToProblem();
    }

    public static async Task<Results<Ok<BatchDecisionResponse>, ProblemHttpResult>> DecideBatch(
        BatchDecisionRequest request,
        [FromHeader(Name = IdempotencyKey.Header), Description(IdempotencyKey.Description)] string? idempotencyKey,
        [FromQuery, Description(ExplainOption.Description)] string? explain,
        ClaimsPrincipal user, IdempotentDecisions decisions, CancellationToken cancellationToken)
    {
        if (request.Customers.Count is 0 or > MaxBatch)
        {
            return Problems.Unprocessable("A batch holds 1 to 1,000 customers.",
                [new Problem("customers", $"Got {request.Customers.Count}.")]);
        }

        if (ExplainOption.Parse(explain, request.Explain, out var level) is { } refused)
        {
            return refused.ToProblem();
        }

        var batch = await decisions.DecideAsync(request, level, idempotencyKey, Caller(user), cancellationToken);
        return batch.Succeeded ? TypedResults.Ok(batch.Value) : batch.Failure.ToProblem();
    }

    public static async Task<Results<Ok<LoggedDecision>, ProblemHttpResult>> Get(string id, IDecisionLog log,
        CancellationToken cancellationToken) =>
        await log.GetAsync(id, cancellationToken) is { } record
            ? TypedResults.Ok(ToLogged(record))
            : Problems.Of(ProblemTypes.UnknownDecision, $"No decision '{id}'.");

    public static async Task<Results<Ok<ListPage<LoggedDecision>>, ProblemHttpResult>> Search(
        IDecisionLog log, HttpResponse response, CancellationToken cancellationToken,
        string? customerId = null, string? ruleSet = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null,
        [Description(PageCursor.LimitDescription)] int limit = PageCursor.DefaultLimit,
        [Description(PageCursor.CursorDescription)] string? cursor = null,
        [Description(PrefixDescription)] string? customerIdPrefix = null)
    {
        if (PageCursor.Refuse(SearchList, limit, cursor, out long? before) is { } refused)
        {
            return refused;
        }

        if (customerIdPrefix is { Length: 0 or > DecisionQuery.MaxPrefixLength })
        {
            return Problems.Of(ProblemTypes.InvalidParameter,
                $"'customerIdPrefix' must be 1 to {DecisionQuery.MaxPrefixLength} characters.");
        }

        var query = new DecisionQuery(customerId, ruleSet, from, to, limit, before, CustomerIdPrefix: customerIdPrefix);
        var found = await log.SearchAsync(query, cancellationToken);
        UnreadableDecisions.Report(response, found);
        var items = found.Decisions.Concat(found.Erased).OrderByDescending(d => d.Sequence).Select(ToLogged).ToList();
        var following = found.Next is { } next ? PageCursor.Of(SearchList, next) : null;
        return TypedResults.Ok(new ListPage<LoggedDecision>(items, limit, following));
    }

    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> Replay(
        string id, IDecisionLog log, IRuleSetStore store, RuleSetRegistry registry, IOptions<JsonOptions> json,
        [FromQuery, Description(ReplayExplainDescription)] string? explain, CancellationToken cancellationToken)
    {
        if (ExplainOption.Parse(explain, null, out var level) is { } refused)
        {
            return refused.ToProblem();
        }

        if (await log.GetAsync(id, cancellationToken) is not { } record)
        {
            return Problems.Of(ProblemTypes.UnknownDecision, $"No decision '{id}'.");
        }

        if (record.Erasure is { } erasure)
        {
            return new Failure.Gone($"The personal data of decision '{id}' was erased at {erasure.At:O} "
                + $"(trail entry #{erasure.TrailEntry}): it cannot be replayed.").ToProblem();
        }

        var replay = await ReplayOne(record, store, registry, json.Value.SerializerOptions,
            explain is null ? null : level, cancellationToken);
        return replay.Succeeded ? TypedResults.Ok(replay.Value) : replay.Failure.ToProblem();
    }

    public static async Task<Results<Ok<ReplaySummary>, ProblemHttpResult>> ReplayRange(
        ReplayRangeRequest request, RangeReplay replay, CancellationToken cancellationToken)
    {
        if (request.Limit is < 1 or > 100_000 || request.To <= request.From)
        {
            return Problems.Unprocessable("Give a range with 'from' before 'to' and a limit of 1 to 100,000.",
                [new Problem("to", "Check the range and the limit.")]);
        }

        var query = new DecisionQuery(request.CustomerId, request.RuleSet, request.From, request.To, request.Limit);
        var progress = new AnalysisProgress(request.Limit);
        return TypedResults.Ok(await replay.RunAsync(query, progress, cancellationToken));
    }

    private static async Task<Outcome<ReplayResponse>> ReplayOne(
        DecisionRecord record, IRuleSetStore store, RuleSetRegistry registry,
        JsonSerializerOptions json, ExplainLevel? asked,
        CancellationToken cancellationToken)
    {
        var version = await store.GetAsync(record.RuleSet, record.Version, cancellationToken);
        if (version is null || version.Hash != record.RuleSetHash)
        {
            return new Failure.Conflict($"Version {record.Version} of '{record.RuleSet}' is missing or its content "
                + $"hash differs from the one recorded ({record.RuleSetHash}).");
        }

        using var input = JsonDocument.Parse(record.Input);
        using var recorded = JsonDocument.Parse(record.Output);
        // Compared at the level the answer was given at; shown at the level asked for, if more.
        var level = ExplainOption.Recorded(recorded.RootElement);
        var shown = asked > level ? asked.Value : level;
        var result = registry.Compile(version).Evaluate(input.RootElement, record.AsOf, shown, cancellationToken);
        if (result.Decision is not { } decision)
        {
            return new ReplayResponse(
                record.Id, false, [new Difference("$", recorded.RootElement.Clone(), null)], null);
        }

        // Serialized exactly as the answer was when it was logged.
        var replayed = DecisionResponse.From(record.Id, record.DecidedAt, decision, level);
        var differences = JsonDiff.Compare(recorded.RootElement, JsonSerializer.SerializeToElement(replayed, json));
        return new ReplayResponse(
            record.Id, differences.Count == 0, differences,
            shown == level ? replayed : DecisionResponse.From(record.Id, record.DecidedAt, decision, shown));
    }

    // The API key's configured name: an Idempotency-Key belongs to the caller that sent it.
    private static string Caller(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    private static LoggedDecision ToLogged(DecisionRecord record) =>
        new(record.Id, record.Sequence, record.DecidedAt,
            new RuleSetRef(record.RuleSet, record.Version, record.RuleSetHash),
            record.CustomerId, record.AsOf, Json(record, record.Input), Json(record, record.Output),
            record.Erasure is { } e
                ? new LoggedErasure(e.At, e.TrailEntry, e.Digest)
                : null, record.TraceId, record.Caller);

    private static JsonElement? Json(DecisionRecord record, string payload) =>
        record.Erasure is null ? JsonSerializer.Deserialize<JsonElement>(payload) : null;
}
