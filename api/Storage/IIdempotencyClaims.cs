namespace Decisions.Api.Storage;

/// <summary>
/// Claims on the idempotency keys being decided right now, so that two processes sharing one decision log never
/// decide the same key at once. A claim lapses after its lease, so a process that died holding one blocks the key
/// only for that long.
/// </summary>
public interface IIdempotencyClaims
{
    /// <summary>
    /// A new claim on <paramref name="key"/>, or null while another claim younger than <paramref name="lease"/>
    /// holds it.
    /// </summary>
    Task<Guid?> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Gives the claim up, if still this one: the key's decisions are in the log, or none will be.</summary>
    Task ReleaseAsync(string key, Guid claim);
}
