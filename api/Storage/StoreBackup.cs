namespace Decisions.Api.Storage;

/// <summary>A store that can copy itself, consistently, while the service runs (the embedded LiteDB file).</summary>
public interface IStoreBackup
{
    /// <summary>Writes a consistent copy of the whole store into the backup directory and says what it holds.</summary>
    Task<StoreBackup> BackupAsync(CancellationToken cancellationToken);
}

/// <summary>
/// A backup file and the heads of the chains it holds: a copy restored from it verifies, with exactly
/// <see cref="AuditEntries"/> trail entries and <see cref="Decisions"/> decisions ending in these hashes.
/// </summary>
public sealed record StoreBackup(
    string File, long Bytes, DateTimeOffset TakenAt, long AuditEntries, string AuditHead, long Decisions,
    string DecisionHead);
