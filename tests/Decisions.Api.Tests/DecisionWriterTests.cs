using Decisions.Api.Storage;

namespace Decisions.Api.Tests;

/// <summary>The shared group commit's failure policy, the same for both stores, against a store told to fail.</summary>
public sealed class DecisionWriterTests
{
    [Fact]
    public async Task A_failed_block_fails_every_caller_in_it_keeps_the_head_and_readiness_returns_with_the_next_commit()
    {
        var store = new FailingStore();
        await using var writer = store.Writer;
        store.Failing = true;
        var failed = await Task.WhenAll(Enumerable.Range(0, 3)
            .Select(i => Caught(writer.AppendAsync(Pending($"a{i}"), CancellationToken.None))));

        Assert.All(failed, exception => Assert.IsType<IOException>(exception));
        Assert.False(writer.CanCommit);
        Assert.Equal(ChainHead.Empty, store.Head);
        store.Failing = false;

        var logged = await writer.AppendAsync(Pending("b"), CancellationToken.None);
        Assert.True(writer.CanCommit);
        Assert.Equal(1, logged.Sequence);
        Assert.Equal(Chain.Genesis, logged.PreviousHash);
        Assert.Equal(new ChainHead(1, logged.Hash), store.Head);
    }

    private static async Task<Exception?> Caught(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (IOException exception)
        {
            return exception;
        }
    }

    private static PendingDecision Pending(string id)
    {
        var record = new DecisionRecord
        {
            Id = id, DecidedAt = DateTimeOffset.UnixEpoch, RuleSet = "r", Version = 1,
            RuleSetHash = "h", CustomerId = "c",
            AsOf = DateTimeOffset.UnixEpoch, Input = "{}", Output = "{}",
        };
        return new PendingDecision(record, Chain.Digest(record));
    }

    private sealed class FailingStore : IBlockStore
    {
        public FailingStore() => Writer = new DecisionWriter(this, 64);

        public volatile bool Failing;

        public ChainHead Head { get; private set; } = ChainHead.Empty;

        public DecisionWriter Writer { get; }

        public Exception? Behind => null;

        public async Task<DecisionBlock> CommitAsync(IReadOnlyList<PendingDecision> batch)
        {
            await Task.Yield();
            var block = DecisionBlock.Link(Head, batch);
            if (Failing)
            {
                throw new IOException("The disk is full.");
            }

            Head = block.Head;
            return block;
        }
    }
}
