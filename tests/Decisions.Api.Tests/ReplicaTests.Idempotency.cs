using System.Net;
using Decisions.Api.Decisions;
using Decisions.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>
/// Once per request across replicas: a retry reaching the other replica gets the first answer, and a retry while
/// the first replica is still deciding the key is told 409 with Retry-After, then gets the answer.
/// </summary>
public sealed partial class ReplicaTests
{
    [Fact]
    public async Task A_retry_reaching_the_other_replica_gets_the_first_answer_logged_once()
    {
        var key = Guid.NewGuid().ToString();
        var answered = await (await _a.Decide("ONCE-REPLICA", key)).Answer();

        var retried = await (await _b.Decide("ONCE-REPLICA", key)).Answer();

        Assert.Equal(answered, retried);
        Assert.Equal([IdempotentCalls.DecisionId(answered)], await _b.Logged("ONCE-REPLICA"));
    }

    [Fact]
    public async Task A_retry_while_another_replica_decides_the_key_is_told_409_with_retry_after_and_then_gets_the_answer()
    {
        var key = Guid.NewGuid().ToString();
        var claims = _a.Services.GetRequiredService<IIdempotencyClaims>();
        var scoped = new IdempotencyKey("teller", key).Scoped;
        var claim = await claims.TryClaimAsync(scoped, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(claim);

        var busy = await _b.Decide("ONCE-INFLIGHT", key);
        var problem = await busy.Problem(HttpStatusCode.Conflict);
        Assert.Equal("A request is outstanding for this Idempotency-Key", problem.GetProperty("title").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
        Assert.Empty(await _a.Logged("ONCE-INFLIGHT"));

        await claims.ReleaseAsync(scoped, claim.Value);
        var answered = await (await _b.Decide("ONCE-INFLIGHT", key)).Answer();
        var retried = await (await _a.Decide("ONCE-INFLIGHT", key)).Answer();
        Assert.Equal(answered, retried);
        Assert.Equal([IdempotentCalls.DecisionId(answered)], await _a.Logged("ONCE-INFLIGHT"));
    }
}
