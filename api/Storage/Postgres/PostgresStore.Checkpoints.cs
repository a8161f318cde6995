using System.Text.Json;
using Decisions.Api.Checkpoints;

namespace Decisions.Api.Storage.Postgres;

public sealed partial class PostgresStore : ICheckpointStore
{
    private const string DecisionChain = "decisions";

    /// <summary>The head rows every writer updates in the transaction that extends its chain.</summary>
    public async Task<ChainHeads> HeadsAsync(CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand("select name, seq, hash from chain_heads");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var heads = new Dictionary<string, ChainPoint>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            heads[reader.GetString(0)] = new ChainPoint(reader.GetInt64(1), reader.GetString(2));
        }

        return new ChainHeads(heads[AuditChain], heads[DecisionChain]);
    }

    public async Task<SignedCheckpoint> AppendCheckpointAsync(SignedCheckpoint checkpoint,
        CancellationToken cancellationToken)
    {
        await using var command = Command("insert into checkpoints (record) values ($1) returning seq",
            [JsonSerializer.Serialize(checkpoint)]);
        return checkpoint with { Sequence = (long)(await command.ExecuteScalarAsync(cancellationToken)
            .ConfigureAwait(false))! };
    }

    public async Task<IReadOnlyList<SignedCheckpoint>> CheckpointsAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = Command("select seq, record from checkpoints order by seq desc limit $1", [limit]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = new List<SignedCheckpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            checkpoints.Add(JsonSerializer.Deserialize<SignedCheckpoint>(reader.GetString(1))! with {
                Sequence = reader.GetInt64(0) });
        }

        return checkpoints;
    }
}
