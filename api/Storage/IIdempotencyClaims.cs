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

/// <summary>
/// The LiteDB store's claims: its lock file keeps every other process out of the file, and requests within the
/// process already take turns per key, so every claim is granted.
/// </summary>
public sealed class SingleProcessClaims : IIdempotencyClaims
{
    public Task<Guid?> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult<Guid?>(Guid.NewGuid());

    public Task ReleaseAsync(string key, Guid claim) => Task.CompletedTask;
}
