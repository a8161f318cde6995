using System.Text;
using System.Text.Json;

namespace Decisions.Api.Storage;

/// <summary>
/// One page of a decision-log search, newest first. <see cref="Next"/> is the cursor of the following page
/// (pass it as <see cref="DecisionQuery.Before"/>), or null when the log holds no more matches. Entries whose
/// stored payload cannot be read are not in <see cref="Decisions"/> but named in <see cref="Unreadable"/>; both
/// count towards the page's limit, so a corrupt entry never makes a page come back short or repeat. Decisions whose
/// personal data was erased are in <see cref="Erased"/> (they count too): a reader of <see cref="Decisions"/> only
/// ever gets a payload it can replay. A reader that decodes the payloads itself gets them in <see cref="Unread"/>.
/// </summary>
public sealed record DecisionPage(IReadOnlyList<DecisionRecord> Decisions,
    IReadOnlyList<UnreadableDecision> Unreadable, long? Next)
{
    public IReadOnlyList<DecisionRecord> Erased { get; init; } = [];

    /// <summary>Decisions not erased and not yet decoded, when the search was asked not to check payloads.</summary>
    public IReadOnlyList<UnreadDecision> Unread { get; init; } = [];

    /// <summary>
    /// The page over <paramref name="rows"/> (already filtered, newest first, at most <paramref name="limit"/>):
    /// each row is decoded by its reader, and its payload checked to be JSON, in one place for every store. A reader
    /// that parses every payload anyway gives <paramref name="checkPayload"/> false: the rows not erased are left
    /// in <see cref="Unread"/>, for it to decode where it likes (in parallel) and to count a bad one itself.
    /// </summary>
    internal static DecisionPage Of(IEnumerable<StoredDecision> rows, int limit, bool checkPayload = true)
    {
        var decisions = new List<DecisionRecord>();
        var erased = new List<DecisionRecord>();
        var unread = new List<UnreadDecision>();
        var unreadable = new List<UnreadableDecision>();
        var count = 0;
        long? last = null;
        foreach (var row in rows.Take(limit))
        {
            count++;
            last = row.Sequence;
            if (!checkPayload && !row.Erased)
            {
                unread.Add(new UnreadDecision(row.Id, row.Sequence, row.CustomerId,
                    row.Decode ?? (_ => DecodedDecision.Of(row.Read()))));
                continue;
            }

            try
            {
                var record = row.Read();
                (record.Erasure is null ? decisions : erased)
                    .Add(record.Erasure is null && checkPayload ? Checked(record) : record);
            }
            catch (Exception exception) when (IsDamaged(exception))
            {
                unreadable.Add(new UnreadableDecision(row.Id, row.Sequence, exception.Message));
            }
        }

        return new DecisionPage(decisions, unreadable, count == limit ? last : null) {
            Erased = erased, Unread = unread };
    }

    /// <summary>Whether decoding a stored payload failed because it is damaged (not because of a bug).</summary>
    public static bool IsDamaged(Exception exception) =>
        exception is InvalidDataException or InvalidOperationException or ArgumentException or JsonException
            or DecoderFallbackException;

    private static DecisionRecord Checked(DecisionRecord record)
    {
        using (JsonDocument.Parse(record.Input))
        using (JsonDocument.Parse(record.Output))
        {
            return record;
        }
    }
}

/// <summary>
/// A stored row of the decision log, read (decompressed, parsed) only when the page is built, with what its search
/// knows without reading it: its customer, and whether it was erased.
/// </summary>
internal sealed record StoredDecision(string Id, long Sequence, string? CustomerId, bool Erased,
    Func<DecisionRecord> Read)
{
    /// <summary>Decodes the payload as UTF-8 into a reader's buffer, for a store that keeps it so.</summary>
    public Func<PayloadBuffer, DecodedDecision>? Decode { get; init; }

}

/// <summary>
/// A logged decision not erased, whose payload its reader decodes (<see cref="Decode"/>) when it needs it.
/// </summary>
public sealed record UnreadDecision(string Id, long Sequence, string? CustomerId,
    Func<PayloadBuffer, DecodedDecision> Decode);

/// <summary>
/// A logged decision decoded for re-decision: its record (whose input and output may be left empty) and its input and
/// output as UTF-8, in the reader's buffer when the store keeps them compressed: valid until the reader decodes the
/// next.
/// </summary>
public readonly record struct DecodedDecision(DecisionRecord Record, ReadOnlyMemory<byte> Input,
    ReadOnlyMemory<byte> Output)
{
    /// <summary>A decision read as text, its input and output encoded anew.</summary>
    public static DecodedDecision Of(DecisionRecord record) =>
        new(record, Encoding.UTF8.GetBytes(record.Input), Encoding.UTF8.GetBytes(record.Output));
}

/// <summary>A logged decision whose stored payload cannot be read, and why.</summary>
public sealed record UnreadableDecision(string Id, long Sequence, string Reason);

/// <summary>
/// A logged decision whose stored payload cannot be read: answered as a problem, never a 500. An invalid operation,
/// so that the LiteDB writer rolls back the write that met it and hands it to the caller.
/// </summary>
public sealed class UnreadableDecisionException(UnreadableDecision decision)
    : InvalidOperationException(
        $"The stored decision '{decision.Id}' (#{decision.Sequence}) cannot be read: {decision.Reason}")
{
    public UnreadableDecision Decision { get; } = decision;
}
