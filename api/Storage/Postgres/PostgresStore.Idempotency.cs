namespace Decisions.Api.Storage.Postgres;

/// <summary>Claims on keys being decided, shared by every replica (table <c>idempotency_claims</c>).</summary>
public sealed partial class PostgresStore : IIdempotencyClaims
{
    public async Task<Guid?> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Inserted, or taken over from a claim whose lease ran out; a live claim of another request is left alone.
        await using var command = Command(
            """
            insert into idempotency_claims (key, claim, claimed_at) values ($1, $2, now())
            on conflict (key) do update set claim = excluded.claim, claimed_at = excluded.claimed_at
            where idempotency_claims.claimed_at < now() - $3
            returning claim
            """,
            [key, Guid.NewGuid(), lease]);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as Guid?;
    }

    public async Task ReleaseAsync(string key, Guid claim)
    {
        await using var command = Command("delete from idempotency_claims where key = $1 and claim = $2", [key, claim]);
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
