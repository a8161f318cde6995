using System.Collections.Immutable;
using System.Threading.Channels;
using LiteDB;

namespace Decisions.Api.Storage.Journal;

/// <summary>A block that is durable in the journal, in the form LiteDB will index it.</summary>
internal sealed record JournaledBlock(long First, long Last, BsonDocument Document);

/// <summary>
/// Indexes journaled blocks into LiteDB behind the answer, in log order, as many as have gathered per transaction
/// (a LiteDB transaction costs the same ~10 ms for one block or a hundred). A block that fails to index is retried,
/// never skipped: it is already acknowledged. Reads wait for the blocks journaled before them
/// (<see cref="WhenIndexedAsync"/>), so a reader never misses a decision it was answered.
/// </summary>
internal sealed class JournalIndexer : IAsyncDisposable
{
    private const int MaxBlocksPerWrite = 256;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly Func<IReadOnlyList<JournaledBlock>, Task<bool>> _index;
    private readonly Channel<JournaledBlock> _queue = Channel.CreateUnbounded<JournaledBlock>(new() {
        SingleReader = true });
    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiters = [];
    private readonly Lock _gate = new();
    private readonly Task _loop;
    private ImmutableQueue<JournaledBlock> _pending = [];
    private long _queued;
    private long _indexed;
    private volatile Exception? _lastFailure;
    private volatile bool _stopping;

    /// <param name="indexed">The last sequence LiteDB already holds.</param>
    /// <param name="index">Inserts blocks into LiteDB in one transaction; throws if none was stored.</param>
    public JournalIndexer(long indexed, Func<IReadOnlyList<JournaledBlock>, Task<bool>> index)
    {
        _queued = _indexed = indexed;
        _index = index;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Decisions journaled but not yet in LiteDB.</summary>
    public long Lag => Volatile.Read(ref _queued) - Volatile.Read(ref _indexed);

    /// <summary>
    /// The failure of the last attempt to index, while blocks wait for a retry; null once one succeeds.
    /// </summary>
    public Exception? LastFailure => _lastFailure;

    /// <summary>Blocks journaled and not yet indexed, oldest first: the lookups that cannot wait read these.</summary>
    public IEnumerable<JournaledBlock> Pending() => Volatile.Read(ref _pending);

    /// <summary>Hands a journaled block over; called in log order by the one decision writer.</summary>
    public void Enqueue(JournaledBlock block)
    {
        lock (_gate)
        {
            _pending = _pending.Enqueue(block);
            _queued = block.Last;
        }

        _queue.Writer.TryWrite(block);
        DecisionLogMetrics.IndexLag(Lag);
    }

    /// <summary>
    /// Completes once every block journaled before the call is in LiteDB; 503 if that takes too long.
    /// </summary>
    public Task WhenIndexedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_indexed >= _queued)
            {
                return Task.CompletedTask;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_queued, done));
        }

        return WaitAsync(done.Task, timeout, cancellationToken);
    }

    /// <summary>
    /// Completes once every block journaled before the call is in LiteDB, however long that takes while LiteDB keeps
    /// indexing; fails only when no block was indexed for <paramref name="stall"/>. A full journal waits here: a slow
    /// index holds the writers back, and only a stalled one fails their decisions.
    /// </summary>
    public async Task WhenCaughtUpAsync(TimeSpan stall, CancellationToken cancellationToken)
    {
        while (true)
        {
            var before = Volatile.Read(ref _indexed);
            try
            {
                await WhenIndexedAsync(stall, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (TimeoutException) when (Volatile.Read(ref _indexed) > before)
            {
                // It advanced within the stall time: keep waiting for the rest.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private static async Task WaitAsync(Task done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await done.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException(
                "The decision log's index is behind the journal; try again in a moment.", exception);
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<JournaledBlock>(MaxBlocksPerWrite);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBlocksPerWrite && _queue.Reader.TryRead(out var block))
            {
                batch.Add(block);
            }

            while (!await TryIndexAsync(batch).ConfigureAwait(false))
            {
                if (_stopping)
                {
                    // Stopping with LiteDB failing: the blocks stay in the journal and the next start indexes them.
                    return;
                }

                await Task.Delay(RetryDelay).ConfigureAwait(false);
            }

            Indexed(batch[^1].Last, batch.Count);
        }
    }

    private async Task<bool> TryIndexAsync(List<JournaledBlock> batch)
    {
        try
        {
            await _index(batch).ConfigureAwait(false);
            _lastFailure = null;
            return true;
        }
        catch (Exception exception) when (exception is LiteException or IOException or InvalidOperationException)
        {
            // The blocks are acknowledged and kept in the journal: retry until LiteDB takes them.
            _lastFailure = exception;
            return false;
        }
    }

    private void Indexed(long last, int count)
    {
        (long, TaskCompletionSource Done)[] done;
        lock (_gate)
        {
            _indexed = last;
            for (var i = 0; i < count; i++)
            {
                _pending = _pending.Dequeue();
            }

            done = [.. _waiters.Where(w => w.Sequence <= last)];
            _waiters.RemoveAll(w => w.Sequence <= last);
        }

        DecisionLogMetrics.IndexLag(Lag);
        foreach (var waiter in done)
        {
            waiter.Done.TrySetResult();
        }
    }
}
