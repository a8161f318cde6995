using System.Text.Json;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Explanation;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Decisions.Api.Decisions;

/// <summary>
/// Decisions once per request: a request carrying an <c>Idempotency-Key</c> (IETF httpapi draft) is decided and
/// logged once; a retry with the same key and body within <see cref="IdempotencyOptions.Window"/> gets the logged
/// answer back, whichever replica it reaches and after a restart, because the answer comes from the log. Requests
/// with one key take turns in a process (<see cref="KeyTurns"/>) and claim the key across replicas
/// (<see cref="IIdempotencyClaims"/>) before deciding.
/// </summary>
public sealed class IdempotentDecisions(
    DecisionService service, IDecisionLog log, IIdempotencyClaims claims, KeyTurns turns,
    IOptions<IdempotencyOptions> options, IOptions<JsonOptions> json)
{
    private const int RetryAfterSeconds = 1;
    private readonly IdempotencyOptions _options = options.Value;
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    public async Task<Outcome<LoggedAnswer>> DecideAsync(
        DecisionRequest request, ExplainLevel level, string? header, string caller, CancellationToken cancellationToken)
    {
        if (header is null)
        {
            return await service.DecideAsync(request, level, null, caller, cancellationToken).ConfigureAwait(false);
        }

        var key = IdempotencyKey.Parse(header, caller);
        if (!key.Succeeded)
        {
            return key.Failure;
        }

        return await OnceAsync<LoggedAnswer>(key.Value, RequestFingerprint.Of(request, level), 1, async (logged, tag) =>
            logged.Count == 1
                ? new LoggedAnswer(logged[0].Output)
                : await service.DecideAsync(request, level, tag, caller, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A batch with a key. A retry gets the logged items back and decides only the customers that have no logged
    /// decision: those a crash or a lost connection cut off, and those refused (a refusal is not logged).
    /// </summary>
    public async Task<Outcome<BatchDecisionResponse>> DecideAsync(
        BatchDecisionRequest request, ExplainLevel level, string? header, string caller,
        CancellationToken cancellationToken)
    {
        var all = Enumerable.Range(0, request.Customers.Count);
        if (header is null)
        {
            return Respond(
                await service.DecideAsync(request, level, all, null, caller, cancellationToken).ConfigureAwait(false));
        }

        var key = IdempotencyKey.Parse(header, caller);
        if (!key.Succeeded)
        {
            return key.Failure;
        }

        var digest = RequestFingerprint.Of(request, level);
        return await OnceAsync<BatchDecisionResponse>(key.Value, digest, request.Customers.Count, async (logged, tag) =>
        {
            var answered = logged.Select(record => new BatchItem(record.Idempotency!.Index, Answer(record), null))
                .ToList();
            var missing = all.Except(answered.Select(item => item.Index)).ToList();
            if (missing.Count == 0)
            {
                return Respond(answered);
            }

            var decided = await service.DecideAsync(request, level, missing, tag, caller, cancellationToken)
                .ConfigureAwait(false);
            return decided.Succeeded ? Respond(answered.Concat(decided.Value).ToList()) : decided.Failure;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Outcome<T>> OnceAsync<T>(
        IdempotencyKey key, string digest, int items,
        Func<IReadOnlyList<DecisionRecord>, IdempotencyTag, Task<Outcome<T>>> answer,
        CancellationToken cancellationToken)
        where T : class
    {
        var tag = new IdempotencyTag(key.Scoped, digest, 0);
        using var turn = await turns.TakeAsync(key.Scoped, cancellationToken).ConfigureAwait(false);
        // Claimed first, so that the usual case, a key's first request, reads the log once. Not cancellable: a
        // claim written while the client gave up would hold the key for a whole lease.
        var claim = await claims.TryClaimAsync(key.Scoped, _options.ClaimLease, CancellationToken.None)
            .ConfigureAwait(false);
        if (claim is null)
        {
            // Another replica holds the key: it is deciding it, or died after logging it and before letting go.
            var held = await LiveAsync(key, cancellationToken).ConfigureAwait(false);
            return Refusal(key, held, digest)
                ?? (held.Count == items
                    ? await answer(held, tag).ConfigureAwait(false)
                    : new Failure.KeyInFlight(
                        $"A request with the {IdempotencyKey.Header} '{key.Value}' is being decided; "
                        + "retry to get its answer.",
                        RetryAfterSeconds));
        }

        try
        {
            var logged = await LiveAsync(key, cancellationToken).ConfigureAwait(false);
            return Refusal(key, logged, digest) ?? await answer(logged, tag).ConfigureAwait(false);
        }
        finally
        {
            await claims.ReleaseAsync(key.Scoped, claim.Value).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The key's decisions within the window, one per index: a key reused after the window decides anew.
    /// </summary>
    private async Task<IReadOnlyList<DecisionRecord>> LiveAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var since = service.Now() - _options.Window;
        var logged = await log.FindByIdempotencyKeyAsync(key.Scoped, cancellationToken).ConfigureAwait(false);
        return [.. logged.Where(record => record.DecidedAt > since).GroupBy(record => record.Idempotency!.Index)
            .Select(index => index.MinBy(record => record.Sequence)!).OrderBy(record => record.Idempotency!.Index)];
    }

    private Failure.KeyReused? Refusal(IdempotencyKey key, IReadOnlyList<DecisionRecord> logged, string digest) =>
        logged.FirstOrDefault(record => record.Idempotency!.RequestDigest != digest) is { } other
            ? new Failure.KeyReused(
                $"The {IdempotencyKey.Header} '{key.Value}' was used at {other.DecidedAt:O} for another request "
                + "(rule set, version, asOf or customers differ). A key may be repeated only with the same request "
                + $"within {_options.Window.TotalHours:0.#} hours.")
            : null;

    // The answer exactly as it was given the first time: the log holds it as it was serialized then.
    private DecisionResponse Answer(DecisionRecord record) =>
        JsonSerializer.Deserialize<DecisionResponse>(record.Output, _json)!;

    private static Outcome<BatchDecisionResponse> Respond(Outcome<List<BatchItem>> items)
    {
        if (!items.Succeeded)
        {
            return items.Failure;
        }

        var ordered = items.Value.OrderBy(item => item.Index).ToList();
        var decided = ordered.Count(item => item.Decision is not null);
        return new BatchDecisionResponse(decided, ordered.Count - decided, ordered);
    }
}
