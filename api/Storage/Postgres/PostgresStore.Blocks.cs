using Npgsql;
using NpgsqlTypes;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// What PostgreSQL adds to the shared <see cref="DecisionWriter"/>: a block is one transaction that locks the
/// decision chain's head (replicas take turns there), links the block after it, copies its rows in and moves the
/// head. Rows stay one per decision: binary COPY inserts them in bulk, and the indexes serve every lookup.
/// </summary>
public sealed partial class PostgresStore
{
    private const string Columns = "seq, id, decided_at, decided_at_ticks, rule_set, version, rule_set_hash, "
        + "customer_id, as_of, input, output, previous_hash, hash, idempotency_key, request_digest, item_index, "
        + "trace_id, caller";

    async Task<DecisionBlock> IBlockStore.CommitAsync(IReadOnlyList<PendingDecision> batch)
    {
        await using var connection = await _source.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var (sequence, hash) = await LockHeadAsync(connection, "decisions", CancellationToken.None)
            .ConfigureAwait(false);
        var block = DecisionBlock.Link(new ChainHead(sequence, hash), batch);
        await using (var import = await connection.BeginBinaryImportAsync(
            $"copy decisions ({Columns}) from stdin (format binary)").ConfigureAwait(false))
        {
            foreach (var record in block.Linked)
            {
                await import.StartRowAsync().ConfigureAwait(false);
                await import.WriteAsync(record.Sequence, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await import.WriteAsync(record.Id, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(Text(record.DecidedAt), NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.DecidedAt.UtcTicks, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await import.WriteAsync(record.RuleSet, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Version, NpgsqlDbType.Integer).ConfigureAwait(false);
                await import.WriteAsync(record.RuleSetHash, NpgsqlDbType.Text).ConfigureAwait(false);
                await WriteAsync(import, record.CustomerId).ConfigureAwait(false);
                await import.WriteAsync(Text(record.AsOf), NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Input, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Output, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.PreviousHash, NpgsqlDbType.Text).ConfigureAwait(false);
                await import.WriteAsync(record.Hash, NpgsqlDbType.Text).ConfigureAwait(false);
                await WriteAsync(import, record.Idempotency?.Key).ConfigureAwait(false);
                await WriteAsync(import, record.Idempotency?.RequestDigest).ConfigureAwait(false);
                await (
                    record.Idempotency is { } tag
                        ? import.WriteAsync(tag.Index, NpgsqlDbType.Integer)
                        : import.WriteNullAsync()).ConfigureAwait(false);
                await WriteAsync(import, record.TraceId).ConfigureAwait(false);
                await WriteAsync(import, record.Caller).ConfigureAwait(false);
            }

            await import.CompleteAsync().ConfigureAwait(false);
        }

        await using (var head = new NpgsqlCommand(
            "update chain_heads set seq = $1, hash = $2 where name = 'decisions'", connection))
        {
            head.Parameters.Add(new() { Value = block.Head.Sequence });
            head.Parameters.Add(new() { Value = block.Head.Hash });
            await head.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        return block;
    }

    private static Task WriteAsync(NpgsqlBinaryImporter import, string? text) =>
        text is null ? import.WriteNullAsync() : import.WriteAsync(text, NpgsqlDbType.Text);
}
