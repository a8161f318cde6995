using System.Text.Json;
using Decisions.Api.Auth;
using Decisions.Api.Errors;
using Decisions.Api.Limits;
using Decisions.Api.OpenApi;
using Decisions.Api.Outcomes;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Decisions.Api.Decisions;

/// <summary>Decisions for tellers; reading and replaying them for auditors.</summary>
public static class DecisionEndpoints
{
    public const int MaxBatch = 1_000;

    // A teller's decision logged while a batch runs waits for at most one chunk's commit and shares the next:
    // with 32 its p99 was three times idle on two cores, with 8 under twice (BatchFairnessTests).
    private const int BatchChunk = 8;

    public static IEndpointRouteBuilder MapDecisionEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/decisions").WithTags("Decisions").CommonProblems()
            .AddEndpointFilterFactory(ExplicitOffsetQuery.Filter);
        group.MapPost("", Decide).RequireAuthorization(Roles.Decide).WithSummary("Decide for one customer").Problems(404, 422);
        group.MapPost("/batch", DecideBatch).RequireAuthorization(Roles.Decide).WithSummary("Decide for many customers").Problems(404, 422)
            .FewBatchesInFlightPerKey().SpendsOnePermitPerCustomer();
        group.MapGet("", Search).RequireAuthorization(Roles.Audit).WithSummary("Search logged decisions by customer, rule set and time")
            .WithDescription(UnreadableDecisions.SearchDescription);
        group.MapGet("/{id}", Get).RequireAuthorization(Roles.Audit).WithSummary("Read a logged decision").Problems(404, 409);
        group.MapPost("/{id}/replay", Replay).RequireAuthorization(Roles.Audit).WithSummary("Replay a logged decision and compare").Problems(404, 409, 410);
        group.MapPost("/replay", ReplayRange).RequireAuthorization(Roles.Audit).WithSummary("Replay the decisions of a time range and summarise").Problems(422)
            .WithinAnalysisLimits();
        return endpoints;
    }

    public static async Task<Results<Ok<DecisionResponse>, ProblemHttpResult>> Decide(DecisionRequest request, DecisionService service, CancellationToken cancellationToken)
    {
        var now = service.Now();
        var asOf = request.AsOf ?? now;
        var ruleSet = await service.ResolveAsync(request.RuleSet, request.Version, asOf, now, cancellationToken);
        if (!ruleSet.Succeeded)
        {
            return ruleSet.Failure.ToProblem();
        }

        var decision = await service.DecideAsync(ruleSet.Value, request.Customer, request.AsOf, now, cancellationToken);
        return decision.Succeeded ? TypedResults.Ok(decision.Value) : decision.Failure.ToProblem();
    }

    public static async Task<Results<Ok<BatchDecisionResponse>, ProblemHttpResult>> DecideBatch(BatchDecisionRequest request, DecisionService service, CancellationToken cancellationToken)
    {
        if (request.Customers.Count is 0 or > MaxBatch)
        {
            return Problems.Unprocessable("A batch holds 1 to 1,000 customers.", [new Problem("customers", $"Got {request.Customers.Count}.")]);
        }

        var now = service.Now();
        var asOf = request.AsOf ?? now;
        var ruleSet = await service.ResolveAsync(request.RuleSet, request.Version, asOf, now, cancellationToken);
        if (!ruleSet.Succeeded)
        {
            return ruleSet.Failure.ToProblem();
        }

        // A chunk at a time: its customers are evaluated, each in a turn of its own on the thread pool so that
        // another key's requests take turns with the batch, and then its log writes are queued together to share
        // a commit. Another key's decision waits behind one chunk in the log's queue, never the whole batch.
        var items = new List<BatchItem>(request.Customers.Count);
        foreach (var chunk in request.Customers.Index().Chunk(BatchChunk))
        {
            var evaluated = new List<(int Index, Evaluation Evaluation)>(chunk.Length);
            foreach (var (index, customer) in chunk)
            {
                await Task.Yield();
                evaluated.Add((index, service.Evaluate(ruleSet.Value, customer, request.AsOf, now, cancellationToken)));
            }

            items.AddRange(await Task.WhenAll(evaluated.Select(async item =>
            {
                var decision = await service.LogAsync(item.Evaluation, cancellationToken);
                return new BatchItem(item.Index, decision.Value, (decision.Failure as Failure.Invalid)?.Problems);
            })));
        }

        var decided = items.Count(item => item.Decision is not null);
        return TypedResults.Ok(new BatchDecisionResponse(decided, items.Count - decided, items));
    }

    public static async Task<Results<Ok<LoggedDecision>, ProblemHttpResult>> Get(string id, IDecisionLog log, CancellationToken cancellationToken) =>
        await log.GetAsync(id, cancellationToken) is { } record ? TypedResults.Ok(ToLogged(record)) : Problems.NotFound($"No decision '{id}'.");

    public static async Task<Results<Ok<IReadOnlyList<LoggedDecision>>, ProblemHttpResult>> Search(
        IDecisionLog log, HttpResponse response, CancellationToken cancellationToken, string? customerId = null, string? ruleSet = null,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 100)
    {
        if (limit is < 1 or > 1_000)
        {
            return Problems.BadRequest("'limit' must be between 1 and 1,000.");
        }

        var found = await log.SearchAsync(new DecisionQuery(customerId, ruleSet, from, to, limit), cancellationToken);
        UnreadableDecisions.Report(response, found);
        return TypedResults.Ok<IReadOnlyList<LoggedDecision>>([.. found.Decisions.Concat(found.Erased).OrderByDescending(d => d.Sequence).Select(ToLogged)]);
    }

    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> Replay(
        string id, IDecisionLog log, IRuleSetStore store, RuleSetRegistry registry, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await log.GetAsync(id, cancellationToken) is not { } record)
        {
            return Problems.NotFound($"No decision '{id}'.");
        }

        if (record.Erasure is { } erasure)
        {
            return new Failure.Gone($"The personal data of decision '{id}' was erased at {erasure.At:O} "
                + $"(trail entry #{erasure.TrailEntry}): it cannot be replayed.").ToProblem();
        }

        var replay = await ReplayOne(record, store, registry, json.Value.SerializerOptions, cancellationToken);
        return replay.Succeeded ? TypedResults.Ok(replay.Value) : replay.Failure.ToProblem();
    }

    public static async Task<Results<Ok<ReplaySummary>, ProblemHttpResult>> ReplayRange(
        ReplayRangeRequest request, IDecisionLog log, IRuleSetStore store, RuleSetRegistry registry, IOptions<JsonOptions> json,
        IOptions<AnalysisLimitOptions> limits, CancellationToken cancellationToken)
    {
        if (request.Limit is < 1 or > 100_000 || request.To <= request.From)
        {
            return Problems.Unprocessable("Give a range with 'from' before 'to' and a limit of 1 to 100,000.", [new Problem("to", "Check the range and the limit.")]);
        }

        // A page at a time, keeping counts and the first ids only: memory does not grow with the range.
        var query = new DecisionQuery(request.CustomerId, request.RuleSet, request.From, request.To, request.Limit);
        var (replayed, identical, erased, different, failed) = (0, 0, 0, new ReplayTally(), new ReplayTally());
        await foreach (var page in log.PagesAsync(query, limits.Value.PageSize, cancellationToken))
        {
            replayed += page.Decisions.Count + page.Unreadable.Count;
            erased += page.Erased.Count;
            foreach (var unreadable in page.Unreadable)
            {
                failed.Add(unreadable.Id);
            }

            foreach (var record in page.Decisions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var replay = (await ReplayOne(record, store, registry, json.Value.SerializerOptions, cancellationToken)).Value;
                (replay is null ? failed : replay.Identical ? null : different)?.Add(record.Id);
                identical += replay?.Identical == true ? 1 : 0;
            }
        }

        return TypedResults.Ok(new ReplaySummary(replayed, identical, different.Count, failed.Count, different.Samples, failed.Samples, erased));
    }

    private static async Task<Outcome<ReplayResponse>> ReplayOne(
        DecisionRecord record, IRuleSetStore store, RuleSetRegistry registry, JsonSerializerOptions json, CancellationToken cancellationToken)
    {
        var version = await store.GetAsync(record.RuleSet, record.Version, cancellationToken);
        if (version is null || version.Hash != record.RuleSetHash)
        {
            return new Failure.Conflict($"Version {record.Version} of '{record.RuleSet}' is missing or its content "
                + $"hash differs from the one recorded ({record.RuleSetHash}).");
        }

        using var input = JsonDocument.Parse(record.Input);
        using var recorded = JsonDocument.Parse(record.Output);
        var result = registry.Compile(version).Evaluate(input.RootElement, record.AsOf, cancellationToken);
        if (result.Decision is not { } decision)
        {
            return new ReplayResponse(record.Id, false, [new Difference("$", recorded.RootElement.Clone(), null)], null);
        }

        // Serialized exactly as the answer was when it was logged.
        var replayed = DecisionResponse.From(record.Id, record.DecidedAt, decision);
        var differences = JsonDiff.Compare(recorded.RootElement, JsonSerializer.SerializeToElement(replayed, json));
        return new ReplayResponse(record.Id, differences.Count == 0, differences, replayed);
    }

    private static LoggedDecision ToLogged(DecisionRecord record) =>
        new(record.Id, record.Sequence, record.DecidedAt, new RuleSetRef(record.RuleSet, record.Version, record.RuleSetHash),
            record.CustomerId, record.AsOf, Json(record, record.Input), Json(record, record.Output),
            record.Erasure is { } e ? new LoggedErasure(e.At, e.TrailEntry, e.Digest) : null);

    private static JsonElement? Json(DecisionRecord record, string payload) =>
        record.Erasure is null ? JsonSerializer.Deserialize<JsonElement>(payload) : null;
}
