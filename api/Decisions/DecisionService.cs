using System.Diagnostics;
using System.Text.Json;
using Decisions.Api.Observability;
using Decisions.Api.Outcomes;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Decisions.Api.Decisions;

/// <summary>
/// Makes a decision: resolves the version (pinned, or active now), evaluates, and appends the decision to the
/// log before anything is answered. A decision a client receives is therefore always in the log.
/// </summary>
public sealed partial class DecisionService(RuleSetRegistry registry, IRuleSetStore store, IDecisionLog log,
    TimeProvider clock, IOptions<JsonOptions> json, DecisionMetrics metrics)
{
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    /// <summary>
    /// The published version to decide with at <paramref name="asOf"/>, or why there is none. Unpinned, it is the
    /// version active now. A pinned version must have been active at some instant at or before both the decision
    /// time and now: a version never activated, only scheduled, or cancelled cannot be pinned, while one rolled
    /// back since stays pinnable for decision times from its first activation on.
    /// </summary>
    public async Task<Outcome<CompiledRuleSet>> ResolveAsync(
        string name, int? version, DateTimeOffset asOf, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (asOf < DecisionTimes.Earliest || asOf >= DecisionTimes.Latest)
        {
            return new Failure.Invalid(
                "The decision time is outside the range the service decides for.",
                [new Problem("asOf",
                    $"Give a time from {DecisionTimes.Earliest:O} up to {DecisionTimes.Latest:O}, excluded.")]);
        }

        var number = version ?? registry.ActiveAt(name, now)?.Version;
        if (number is null)
        {
            return new Failure.NotFound(Missing.RuleSet, $"Rule set '{name}' has no active version.");
        }

        var record = registry.Published(name, number.Value)
            ?? await store.GetAsync(name, number.Value, cancellationToken).ConfigureAwait(false);
        if (record is not { Status: VersionStatus.Approved })
        {
            return new Failure.NotFound(Missing.Version, $"Rule set '{name}' has no published version {number}.");
        }

        var until = asOf < now ? asOf : now;
        if (version is not null && !registry.WasActive(name, number.Value, until))
        {
            return new Failure.Invalid(
                "Only a version that has been active may be pinned.",
                [new Problem("version", $"Version {number} of '{name}' was not active at any time up to {until:O}.")]);
        }

        return registry.Compile(record);
    }

    /// <summary>
    /// Resolves the version, decides, explained to <paramref name="level"/>, and logs the decision, tagged with
    /// <paramref name="tag"/> and the calling key's name <paramref name="caller"/>.
    /// </summary>
    public async Task<Outcome<LoggedAnswer>> DecideAsync(
        DecisionRequest request, ExplainLevel level, IdempotencyTag? tag, string? caller,
        CancellationToken cancellationToken)
    {
        using var activity = DecisionTracing.Source.StartActivity("decisions.decide");
        activity?.SetTag(DecisionTracing.RuleSet, request.RuleSet);
        var now = Now();
        var ruleSet = await ResolveAsync(request.RuleSet, request.Version, request.AsOf ?? now, now, cancellationToken)
            .ConfigureAwait(false);
        if (!ruleSet.Succeeded)
        {
            activity.Failed(ruleSet.Failure.Detail);
            return ruleSet.Failure;
        }

        activity?.SetTag(DecisionTracing.Version, ruleSet.Value.Ref.Version);
        var evaluation = Evaluate(
            ruleSet.Value, request.Customer, request.AsOf, now, level, cancellationToken, tag, caller);
        var decided = await LogAsync(evaluation, cancellationToken).ConfigureAwait(false);
        activity?.SetTag(DecisionTracing.Tier, evaluation.Response?.Tier.Code);
        return decided;
    }

    /// <summary>
    /// Evaluates without logging: nothing of it may be answered before <see cref="LogAsync"/> completes. A batch
    /// evaluates a chunk first and then logs it, so the chunk's writes reach the log's writer together. The log
    /// keeps the answer as given, with the level it was explained to, so that replay rebuilds it exactly.
    /// </summary>
    public Evaluation Evaluate(
        CompiledRuleSet ruleSet, JsonElement customer, DateTimeOffset? asOf, DateTimeOffset now, ExplainLevel level,
        CancellationToken cancellationToken, IdempotencyTag? tag = null, string? caller = null)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = DecisionTracing.Source.StartActivity("decisions.evaluate");
        activity?.SetTag(DecisionTracing.RuleSet, ruleSet.Ref.Name)
            .SetTag(DecisionTracing.Version, ruleSet.Ref.Version);
        var result = ruleSet.Evaluate(customer, asOf ?? now, level, cancellationToken);
        if (result.Decision is not { } decision)
        {
            activity.Failed(result.Failure.ToString()!);
            return new Evaluation(ruleSet.Ref.Name, result, null, null, started);
        }

        activity?.SetTag(DecisionTracing.Tier, decision.Tier.Code);

        var response = DecisionResponse.From(Guid.CreateVersion7(now).ToString(), now, decision, level);
        var record = new DecisionRecord
        {
            Id = response.DecisionId,
            DecidedAt = now,
            RuleSet = decision.RuleSet.Name,
            Version = decision.RuleSet.Version,
            RuleSetHash = decision.RuleSet.Hash,
            CustomerId = customer.TryGetProperty("customerId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null,
            AsOf = decision.AsOf,
            Input = customer.GetRawText(),
            Output = JsonSerializer.Serialize(response, _json),
            Idempotency = tag,
            TraceId = DecisionTracing.CurrentTraceId(),
            Caller = caller,
        };
        return new Evaluation(ruleSet.Ref.Name, result, response, record, started);
    }

    /// <summary>Appends an evaluated decision to the log; the decision is answerable once this completes.</summary>
    public async Task<Outcome<LoggedAnswer>> LogAsync(Evaluation evaluation, CancellationToken cancellationToken)
    {
        if (evaluation.Record is not { } record)
        {
            metrics.Record(evaluation.RuleSet, evaluation.Result.Failure.ToString()!, evaluation.Started);
            return new Failure.Invalid(Title(evaluation.Result.Failure), evaluation.Result.Problems);
        }

        using (var activity = DecisionTracing.Source.StartActivity("decision_log.append"))
        {
            activity?.SetTag(DecisionTracing.DecisionId, record.Id);
            try
            {
                var logged = await log.AppendAsync(record, cancellationToken).ConfigureAwait(false);
                activity?.SetTag(DecisionTracing.Sequence, logged.Sequence);
            }
            catch (Exception exception)
            {
                activity.Failed(exception.Message);
                throw;
            }
        }

        metrics.Record(evaluation.RuleSet, "Decided", evaluation.Started);
        return new LoggedAnswer(record.Output);
    }

    public DateTimeOffset Now() => clock.GetUtcNow();

    private static string Title(DecisionFailure? failure) => failure switch
    {
        DecisionFailure.InvalidInput => "The customer input does not match the rule set's input schema.",
        DecisionFailure.NotEffective => "The version is not effective at the decision time.",
        _ => "A rule could not be evaluated for this customer.",
    };
}

/// <summary>A decision evaluated and not yet logged (<see cref="DecisionService.Evaluate"/>).</summary>
public sealed record Evaluation(
    string RuleSet, DecisionResult Result, DecisionResponse? Response, DecisionRecord? Record, long Started);
