namespace Decisions.Api.Storage.Postgres;

public sealed partial class PostgresStore
{
    public async Task<long?> FirstSequenceAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "select seq from decisions where decided_at_ticks >= $1 order by decided_at_ticks limit 1",
            [from.UtcTicks]);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as long?;
    }
}
