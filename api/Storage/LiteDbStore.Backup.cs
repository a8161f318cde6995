namespace Decisions.Api.Storage;

public sealed partial class LiteDbStore : IStoreBackup
{
    /// <summary>
    /// On the writer's thread, between transactions: LiteDB's checkpoint moves every committed page from the
    /// <c>-log.db</c> file into the data file, so the data file alone is the whole store; it is copied under a
    /// temporary name, flushed to disk and renamed, so a backup file that exists is always complete.
    /// </summary>
    public async Task<StoreBackup> BackupAsync(CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        return await _writer.ExclusiveAsync(db =>
        {
            db.Checkpoint();
            var takenAt = _clock.GetUtcNow();
            Directory.CreateDirectory(_backups);
            var name = $"decisions-{Guid.CreateVersion7(takenAt):N}.db";
            var target = Path.Combine(_backups, name);
            File.Copy(_path, target + ".partial");
            using (var copy = new FileStream(target + ".partial", FileMode.Open, FileAccess.ReadWrite))
            {
                copy.Flush(flushToDisk: true);
            }

            File.Move(target + ".partial", target);
            return new StoreBackup(name, new FileInfo(target).Length, takenAt, _lastAudit.Sequence, _lastAudit.Hash,
                _lastDecision.Sequence, _lastDecision.Hash);
        }, cancellationToken).ConfigureAwait(false);
    }
}
