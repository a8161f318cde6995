using Decisions.Api.Storage.Journal;
using LiteDB;

namespace Decisions.Api.Tests;

/// <summary>
/// The indexer never drops an acknowledged block: it retries, and readers wait until LiteDB holds it.
/// </summary>
public sealed class JournalIndexerTests
{
    [Fact]
    public async Task A_block_LiteDB_refuses_is_retried_in_order_and_readers_wait_for_it()
    {
        var attempts = 0;
        var indexed = new List<long>();
        var refuse = new TaskCompletionSource();
        await using var indexer = new JournalIndexer(10, async blocks =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref attempts) <= 2)
            {
                refuse.TrySetResult();
                throw new IOException("The disk is full.");
            }

            indexed.AddRange(blocks.Select(b => b.First));
            return true;
        });

        indexer.Enqueue(Block(11, 12));
        indexer.Enqueue(Block(13, 15));
        await refuse.Task;
        Assert.Equal(5, indexer.Lag);
        Assert.Contains(indexer.Pending(), b => b.First == 11);

        await indexer.WhenIndexedAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
        Assert.Equal([11, 13], indexed);
        Assert.Equal(0, indexer.Lag);
        Assert.Empty(indexer.Pending());
        Assert.Null(indexer.LastFailure);
    }

    [Fact]
    public async Task A_reader_gives_up_with_a_timeout_while_LiteDB_keeps_refusing()
    {
        await using var indexer = new JournalIndexer(0, _ => throw new IOException("The disk is full."));
        indexer.Enqueue(Block(1, 1));
        var waited = await Assert.ThrowsAsync<TimeoutException>(
            () => indexer.WhenIndexedAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.Contains("index is behind", waited.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(indexer.LastFailure);
    }

    [Fact]
    public async Task A_writer_waiting_for_a_full_journal_waits_as_long_as_LiteDB_keeps_indexing()
    {
        var turns = new SemaphoreSlim(0);
        var entered = new SemaphoreSlim(0);
        await using var indexer = new JournalIndexer(0, async _ =>
        {
            entered.Release();
            await turns.WaitAsync();
            return true;
        });
        indexer.Enqueue(Block(1, 1));
        await entered.WaitAsync();
        indexer.Enqueue(Block(2, 3));

        // Two index writes of 600 ms each: the wait outlasts the 1 s stall time, yet LiteDB advanced within it (the
        // margins leave a loaded machine 400 ms either way).
        var caughtUp = indexer.WhenCaughtUpAsync(TimeSpan.FromSeconds(1), CancellationToken.None);
        await Task.Delay(600);
        turns.Release();
        await entered.WaitAsync();
        await Task.Delay(600);
        turns.Release();

        await caughtUp;
        Assert.Equal(0, indexer.Lag);
    }

    [Fact]
    public async Task A_writer_waiting_for_a_full_journal_fails_once_indexing_stalls()
    {
        var turns = new SemaphoreSlim(0);
        await using var indexer = new JournalIndexer(0, async _ =>
        {
            await turns.WaitAsync();
            return true;
        });
        indexer.Enqueue(Block(1, 1));

        var waited = await Assert.ThrowsAsync<TimeoutException>(
            () => indexer.WhenCaughtUpAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.Contains("index is behind", waited.Message, StringComparison.Ordinal);
        Assert.Equal(1, indexer.Lag);
        turns.Release(2);
    }

    private static JournaledBlock Block(long first, long last) =>
        new(first, last, new BsonDocument { ["_id"] = first });
}
