namespace Decisions.Api.Storage;

/// <summary>
/// Claims on keys being decided: the lock file keeps every other process out of the LiteDB file, and requests
/// within the process already take turns per key, so every claim is granted and there is nothing to record.
/// </summary>
public sealed partial class LiteDbStore : IIdempotencyClaims
{
    public Task<Guid?> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) =>
        Task.FromResult<Guid?>(Guid.NewGuid());

    public Task ReleaseAsync(string key, Guid claim) => Task.CompletedTask;
}
