using Npgsql;
using NpgsqlTypes;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// Erasure in PostgreSQL: one transaction locks the rows found, appends the trail entry and nulls their personal
/// data, keeping each row's content digest (computed from the row as it was) and when and by which entry it was erased.
/// </summary>
public sealed partial class PostgresStore : IDecisionErasure
{
    public async Task<ErasureReceipt> EraseAsync(
        ErasureScope scope, Func<int, AuditDraft?> audit, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var (where, value, limit) = scope switch
        {
            ErasureScope.Customer c => ("customer_id = $1", (object)c.CustomerId, int.MaxValue),
            ErasureScope.DecidedBefore d => ("decided_at_ticks < $1", d.Cutoff.UtcTicks, d.Limit),
            _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "An erasure scope no store knows."),
        };
        var found = new List<DecisionRecord>();
        await using (var select = new NpgsqlCommand(
            $"select * from decisions where {where} and erased_at is null order by seq limit $2 for update",
            connection))
        {
            select.Parameters.Add(new() { Value = value });
            select.Parameters.Add(new() { Value = (long)limit });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                found.Add(Read(reader));
            }
        }

        // As on LiteDB, a payload search reads as unreadable is not erased: its digest would hide the damage.
        if (DecisionPage.Of(found.Select(Stored), found.Count)
            .Unreadable is [var unreadable, ..])
        {
            throw new UnreadableDecisionException(unreadable with
            {
                Reason = $"{unreadable.Reason} It cannot be erased verifiably; verification names it.",
            });
        }

        if (audit(found.Count) is not { } draft)
        {
            return new ErasureReceipt(0, null);
        }

        var entry = await AppendAuditAsync(connection, draft, cancellationToken).ConfigureAwait(false);
        await using (var erase = new NpgsqlCommand(
            "update decisions d set input = null, output = null, customer_id = null, digest = u.digest, "
            + "erased_at = $3, erased_by = $4 from unnest($1::bigint[], $2::text[]) as u(seq, digest) "
            + "where d.seq = u.seq", connection))
        {
            erase.Parameters.Add(new() { Value = found.Select(r => r.Sequence).ToArray(),
                NpgsqlDbType = ArrayOf(NpgsqlDbType.Bigint) });
            erase.Parameters.Add(new() { Value = found.Select(Chain.Digest).ToArray(),
                NpgsqlDbType = ArrayOf(NpgsqlDbType.Text) });
            erase.Parameters.Add(new() { Value = Text(draft.At) });
            erase.Parameters.Add(new() { Value = entry.Sequence });
            await erase.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return new ErasureReceipt(found.Count, entry.Sequence);
    }

    private static NpgsqlDbType ArrayOf(NpgsqlDbType element) => NpgsqlDbType.Array | element;

    private static DecisionErasure? Erasure(NpgsqlDataReader reader) =>
        reader.IsDBNull(reader.GetOrdinal("erased_at"))
            ? null
            : new DecisionErasure(
                Time(reader.GetString(reader.GetOrdinal("erased_at"))),
                reader.GetInt64(reader.GetOrdinal("erased_by")),
                reader.GetString(reader.GetOrdinal("digest")));
}
