using System.Threading.Channels;
using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// The one writer of the LiteDB file. LiteDB 5 corrupts its file under concurrent writers in one process
/// (LiteDB issue 2825), so every write is queued here and applied on one thread. Writes that queue up while a
/// transaction commits are committed together in the next one: one fsync for up to <c>MaxBatch</c> writes
/// (group commit). A caller's task completes only after its transaction is durable on disk.
/// </summary>
internal sealed class LiteDbWriter : IAsyncDisposable
{
    private readonly LiteDatabase _database;
    private readonly int _maxBatch;
    private readonly Channel<Write> _queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions {
        SingleReader = true });
    private readonly Thread _thread;
    private readonly Action _saveState;
    private readonly Action _restoreState;

    /// <param name="database">The one open database.</param>
    /// <param name="maxBatch">Most writes in one transaction.</param>
    /// <param name="saveState">Remembers in-memory state a write may change (the hash chains)...</param>
    /// <param name="restoreState">...and puts it back when the transaction rolls back.</param>
    public LiteDbWriter(LiteDatabase database, int maxBatch, Action saveState, Action restoreState)
    {
        _database = database;
        _maxBatch = maxBatch;
        _saveState = saveState;
        _restoreState = restoreState;
        _thread = new Thread(Run) { IsBackground = true, Name = "LiteDB writer" };
        _thread.Start();
    }

    /// <summary>Queues <paramref name="apply"/> and completes when it is committed, or with its exception.</summary>
    public Task<T> WriteAsync<T>(Func<LiteDatabase, T> apply, CancellationToken cancellationToken) =>
        EnqueueAsync<T>(new Write(db => apply(db)), cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer's thread between two transactions, with no write in progress, and
    /// completes with its result: the file holds exactly the committed writes while it runs (a consistent backup).
    /// </summary>
    public Task<T> ExclusiveAsync<T>(Func<LiteDatabase, T> work, CancellationToken cancellationToken) =>
        EnqueueAsync<T>(new Write(db => work(db)) { Exclusive = true }, cancellationToken);

    private async Task<T> EnqueueAsync<T>(Write write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The store is shutting down.");
        }

        // Not cancellable once queued: a write the caller gave up on may still commit, and that is safe. Awaited
        // (not read through Task.Result) so that a ConcurrencyException reaches the caller as itself, not
        // wrapped in an AggregateException that no handler recognises.
        return (T)(await write.Completion.Task.ConfigureAwait(false))!;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.Run(_thread.Join).ConfigureAwait(false);
    }

    private void Run()
    {
        var batch = new List<Write>(_maxBatch);
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            batch.Clear();
            Write? exclusive = null;
            while (batch.Count < _maxBatch && reader.TryRead(out var write))
            {
                if (write.Exclusive)
                {
                    exclusive = write;
                    break;
                }

                batch.Add(write);
            }

            if (batch.Count > 0 && !Commit(batch))
            {
                // One write failed: commit the others alone so that a bad write never takes good ones down.
                foreach (var write in batch)
                {
                    Commit([write]);
                }
            }

            if (exclusive is not null)
            {
                RunAlone(exclusive);
            }
        }
    }

    private void RunAlone(Write work)
    {
        try
        {
            work.Completion.TrySetResult(work.Apply(_database));
        }
        catch (Exception exception) when (exception is LiteException or IOException or UnauthorizedAccessException)
        {
            work.Completion.TrySetException(exception);
        }
    }

    private bool Commit(List<Write> writes)
    {
        _saveState();
        var results = new object?[writes.Count];
        _database.BeginTrans();
        try
        {
            for (var i = 0; i < writes.Count; i++)
            {
                results[i] = writes[i].Apply(_database);
            }

            _database.Commit();
        }
        catch (Exception exception) when (exception is LiteException or ConcurrencyException
            or InvalidOperationException or IOException)
        {
            _database.Rollback();
            _restoreState();
            if (writes.Count == 1)
            {
                writes[0].Completion.TrySetException(exception);
            }

            return false;
        }

        for (var i = 0; i < writes.Count; i++)
        {
            writes[i].Completion.TrySetResult(results[i]);
        }

        return true;
    }

    private sealed record Write(Func<LiteDatabase, object?> Apply)
    {
        public TaskCompletionSource<object?> Completion { get; } = new(
            TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Runs alone, outside any transaction (<see cref="ExclusiveAsync"/>).</summary>
        public bool Exclusive { get; init; }
    }
}
