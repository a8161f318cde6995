using System.Diagnostics;
using System.Threading.Channels;
using Decisions.Api.Observability;

namespace Decisions.Api.Storage;

/// <summary>
/// What a store adds to the shared group commit: lock or read its chain head, persist a block, commit.
/// </summary>
public interface IBlockStore
{
    /// <summary>
    /// Links <paramref name="batch"/> after the head with <see cref="DecisionBlock.Link"/> inside one transaction,
    /// persists it and commits; returns once it is durable. Throws if nothing of it was stored.
    /// </summary>
    Task<DecisionBlock> CommitAsync(IReadOnlyList<PendingDecision> batch);

    /// <summary>The writer that gathers this store's blocks.</summary>
    DecisionWriter Writer { get; }

    /// <summary>Why blocks already durable cannot reach the store's index, while they cannot; null otherwise.</summary>
    Exception? Behind { get; }
}

/// <summary>
/// The group commit of the decision log, the same for every store: decisions that arrive while a block commits
/// are gathered into the next block (up to <c>maxBatch</c>), so a thousand decisions cost a few transactions.
/// Failure policy: a block commits whole or not at all; when it fails, every caller in it gets the exception (none
/// is told it was logged), the head stays where it was, and the writer goes on with the next block. Until a commit
/// succeeds again, <see cref="CanCommit"/> is false and readiness fails.
/// </summary>
public sealed class DecisionWriter : IAsyncDisposable
{
    private readonly IBlockStore _store;
    private readonly int _maxBatch;
    private readonly Channel<PendingDecision> _queue = Channel.CreateUnbounded<PendingDecision>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private volatile Exception? _lastFailure;

    public DecisionWriter(IBlockStore store, int maxBatch)
    {
        _store = store;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// False while the last block failed to commit and none has committed since, or while the store cannot index
    /// the blocks it holds durably.
    /// </summary>
    public bool CanCommit => LastFailure is null;

    public Exception? LastFailure => _lastFailure ?? _store.Behind;

    /// <summary>
    /// Queues a decision; completes with it linked once its block is durable, or with the block's failure.
    /// </summary>
    public Task<DecisionRecord> AppendAsync(PendingDecision pending, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The store is shutting down.");
        }

        if (DecisionTracing.Source.HasListeners())
        {
            pending.Trace = Activity.Current?.Context ?? default;
        }

        DecisionLogMetrics.Queued(1);
        return pending.Completion.Task;
    }

    /// <summary>Commits everything queued, then stops: graceful shutdown loses no decision.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        // A block serves many requests: its span starts a trace of its own, whatever request created the writer.
        Activity.Current = null;
        var batch = new List<PendingDecision>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            DecisionLogMetrics.Queued(-batch.Count);
            var started = Stopwatch.GetTimestamp();
            using var activity = StartCommit(batch);
            try
            {
                var block = await _store.CommitAsync(batch).ConfigureAwait(false);
                activity?.SetTag(DecisionTracing.BlockFirst, block.First)
                    .SetTag(DecisionTracing.Sequence, block.Head.Sequence);
                _lastFailure = null;
                DecisionLogMetrics.Committed(block, Stopwatch.GetElapsedTime(started));
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(block.Linked[i]);
                }
            }
            catch (Exception exception)
            {
                // A writer that died would leave every later decision waiting: the block fails, the loop goes on.
                _lastFailure = exception;
                activity.Failed(exception.Message);
                DecisionLogMetrics.Failed();
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>
    /// The block's span, linked to each decision's wait for it; nothing is built while nobody listens.
    /// </summary>
    private static Activity? StartCommit(List<PendingDecision> batch)
    {
        if (!DecisionTracing.Source.HasListeners())
        {
            return null;
        }

        var links = batch.Where(p => p.Trace != default).Select(p => new ActivityLink(p.Trace)).ToList();
        return DecisionTracing.Source
            .StartActivity("decision_log.commit", ActivityKind.Internal, default(ActivityContext), links: links)
            ?.SetTag(DecisionTracing.BlockSize, batch.Count);
    }
}
