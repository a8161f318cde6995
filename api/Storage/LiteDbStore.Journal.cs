using Decisions.Api.Storage.Journal;
using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// Decisions are durable once their block is in the journal (<see cref="DecisionJournal"/>, one synchronous write) and
/// are answered then; <see cref="JournalIndexer"/> inserts the blocks into LiteDB behind the answer. At start the
/// journal's blocks beyond LiteDB's last are indexed before anything is served. The journal is emptied when the next
/// block would not fit in its <see cref="LiteDbOptions.JournalBytes"/> (once LiteDB holds all of it), after an
/// erasure, and at a graceful stop.
/// </summary>
public sealed partial class LiteDbStore
{
    private readonly DecisionJournal _journal;
    private readonly JournalIndexer _indexer;
    private readonly SemaphoreSlim _journalTurn = new(1, 1);
    private ChainHead _journalHead = ChainHead.Empty;
    private int _journalClosed;

    /// <summary>Why LiteDB cannot index the journaled blocks, while the indexer retries; null otherwise.</summary>
    public Exception? Behind => _indexer.LastFailure;

    Task<DecisionBlock> IBlockStore.CommitAsync(IReadOnlyList<PendingDecision> batch) => JournalAsync(batch);

    /// <summary>Before the writer starts: indexes what the journal holds beyond LiteDB's last block.</summary>
    private void ReplayJournal()
    {
        var records = _journal.Read(out var torn);
        if (torn)
        {
            LogJournalTailCut(_logger, _journal.Path);
        }

        var replayed = 0;
        _database.BeginTrans();
        foreach (var document in records.Select(record => BsonSerializer.Deserialize(record)))
        {
            var (first, previous) = (document["_id"].AsInt64, document["previousHash"].AsString);
            if (BlockMapping.Head(document).Sequence <= _lastDecision.Sequence)
            {
                continue;
            }

            if (first != _lastDecision.Sequence + 1 || previous != _lastDecision.Hash)
            {
                throw new InvalidOperationException($"The decision journal {_journal.Path} does not continue the "
                    + $"store's log at decision {_lastDecision.Sequence + 1}; the service will not start on it.");
            }

            _blocks.Insert(document);
            _lastDecision = BlockMapping.Head(document);
            replayed++;
        }

        _database.Commit();
        _journalHead = _lastDecision;
        if (replayed > 0)
        {
            LogJournalReplayed(_logger, replayed, _lastDecision.Sequence);
        }
    }

    /// <summary>Links the block to the journal's head, appends it and syncs it: from here it is acknowledged.</summary>
    private async Task<DecisionBlock> JournalAsync(IReadOnlyList<PendingDecision> batch)
    {
        await _journalTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            var block = DecisionBlock.Link(_journalHead, batch);
            var document = BlockMapping.ToBson(block);
            StampTimes(document);
            var record = BsonSerializer.Serialize(document);
            if (!_journal.Fits(record.Length) && _journal.Used > 0)
            {
                await EmptyJournalAsync().ConfigureAwait(false);
            }

            _journal.Append(record);
            _journalHead = block.Head;
            _indexer.Enqueue(new JournaledBlock(block.First, block.Head.Sequence, document));
            return block;
        }
        finally
        {
            _journalTurn.Release();
        }
    }

    private Task<bool> IndexAsync(IReadOnlyList<JournaledBlock> blocks) =>
        _writer.WriteAsync(_ =>
        {
            foreach (var block in blocks)
            {
                _blocks.Insert(block.Document);
                _lastDecision = BlockMapping.Head(block.Document);
            }

            return true;
        }, CancellationToken.None);

    /// <summary>
    /// Reads wait here for every block journaled before them, so none misses a decision already answered.
    /// </summary>
    private Task IndexedAsync(CancellationToken cancellationToken) =>
        _indexer.WhenIndexedAsync(_indexWait, cancellationToken);

    /// <summary>
    /// Empties and zeroes the journal after an erasure, so that no copy of an erased payload stays in it.
    /// </summary>
    private async Task ForgetJournalAsync(CancellationToken cancellationToken)
    {
        await _journalTurn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _indexer.WhenIndexedAsync(_indexWait, CancellationToken.None).ConfigureAwait(false);
            _journal.Wipe();
        }
        finally
        {
            _journalTurn.Release();
        }
    }

    /// <summary>Holding the journal's turn, so nothing is appended meanwhile: waits for LiteDB, then clears.</summary>
    private async Task EmptyJournalAsync()
    {
        await _indexer.WhenCaughtUpAsync(_indexWait, CancellationToken.None).ConfigureAwait(false);
        _journal.Clear();
    }

    /// <summary>
    /// After the writer drained: LiteDB indexes the rest, then the journal is emptied, so a stopped store is its LiteDB
    /// files alone and the journal only ever holds what a crash kept LiteDB from indexing.
    /// </summary>
    private async Task CloseJournalAsync()
    {
        if (Interlocked.Exchange(ref _journalClosed, 1) == 1)
        {
            return;
        }

        await _indexer.DisposeAsync().ConfigureAwait(false);
        if (_indexer.Lag == 0)
        {
            _journal.Clear();
        }

        _journal.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cut a torn record off the end of {Journal}.")]
    private static partial void LogJournalTailCut(ILogger logger, string journal);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Indexed {Blocks} journaled blocks at start, up to decision {Sequence}.")]
    private static partial void LogJournalReplayed(ILogger logger, int blocks, long sequence);
}
