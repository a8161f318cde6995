using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// Group commit for one replica: decisions that arrive while a transaction commits go together into the next
/// one, which locks the decision chain's head, links them, copies them in and commits. A caller's task
/// completes once its transaction is committed; replicas take turns at the head, batch by batch.
/// </summary>
internal sealed class PostgresDecisionWriter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _source;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public PostgresDecisionWriter(NpgsqlDataSource source, int maxBatch)
    {
        _source = source;
        _maxBatch = maxBatch;
        _loop = Task.Run(RunAsync);
    }

    public Task<DecisionRecord> AppendAsync(DecisionRecord record, string digest, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new Pending(record, digest);
        return _queue.Writer.TryWrite(pending) ? pending.Completion.Task : throw new InvalidOperationException("The store is shutting down.");
    }

    /// <summary>Commits everything queued, then stops: graceful shutdown loses no decision.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                var linked = await CommitAsync(batch).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(linked[i]);
                }
            }
            catch (Exception exception)
            {
                // Whatever went wrong, nothing of the batch committed: every caller learns it, none is told it was
                // logged, and the loop goes on, because a writer that died would leave every later decision waiting.
                foreach (var pending in batch)
                {
                    pending.Completion.TrySetException(exception);
                }
            }
        }
    }

    private async Task<DecisionRecord[]> CommitAsync(List<Pending> batch)
    {
        await using var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var (sequence, hash) = await PostgresStore.LockHeadAsync(connection, "decisions", CancellationToken.None).ConfigureAwait(false);
        var linked = new DecisionRecord[batch.Count];
        await using (var import = await connection.BeginBinaryImportAsync(
            "copy decisions (seq, id, decided_at, decided_at_ticks, rule_set, version, rule_set_hash, customer_id, as_of, input, output, previous_hash, hash, idempotency_key, request_digest, item_index) from stdin (format binary)").ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var record = batch[i].Record with { Sequence = sequence + 1, PreviousHash = hash };
                record = record with { Hash = Chain.Of(record, batch[i].Digest) };
                (sequence, hash, linked[i]) = (record.Sequence, record.Hash, record);
                await import.StartRowAsync().ConfigureAwait(false);
                await import.WriteAsync(record.Sequence, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await import.WriteAsync(record.Id, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(PostgresStore.Text(record.DecidedAt), NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.DecidedAt.UtcTicks, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await import.WriteAsync(record.RuleSet, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Version, NpgsqlDbType.Integer).ConfigureAwait(false);
                await import.WriteAsync(record.RuleSetHash, NpgsqlDbType.Text).ConfigureAwait(false);
                await (record.CustomerId is null ? import.WriteNullAsync() : import.WriteAsync(record.CustomerId, NpgsqlDbType.Text)).ConfigureAwait(false);
                await import.WriteAsync(PostgresStore.Text(record.AsOf), NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Input, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Output, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.PreviousHash, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Hash, NpgsqlDbType.Text).ConfigureAwait(false);
                await WriteTagAsync(import, record.Idempotency).ConfigureAwait(false);
            }

            await import.CompleteAsync().ConfigureAwait(false);
        }

        await using (var head = new NpgsqlCommand("update chain_heads set seq = $1, hash = $2 where name = 'decisions'", connection))
        {
            head.Parameters.Add(new() { Value = sequence });
            head.Parameters.Add(new() { Value = hash });
            await head.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return linked;
    }

    private static async Task WriteTagAsync(NpgsqlBinaryImporter import, IdempotencyTag? tag)
    {
        if (tag is null)
        {
            await import.WriteNullAsync().ConfigureAwait(false);
            await import.WriteNullAsync().ConfigureAwait(false);
            await import.WriteNullAsync().ConfigureAwait(false);
            return;
        }

        await import.WriteAsync(tag.Key, NpgsqlDbType.Text).ConfigureAwait(false);
        await import.WriteAsync(tag.RequestDigest, NpgsqlDbType.Text).ConfigureAwait(false);
        await import.WriteAsync(tag.Index, NpgsqlDbType.Integer).ConfigureAwait(false);
    }

    private sealed record Pending(DecisionRecord Record, string Digest)
    {
        public TaskCompletionSource<DecisionRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
