namespace Decisions.Api.Storage;

public sealed partial class LiteDbStore
{
    /// <summary>
    /// Documents written before blocks are all older than any block and keep their time index. Blocks have none:
    /// decision times grow with the sequence (one process, one clock), so a binary search over the sequence finds
    /// the first decision at or after <paramref name="from"/> in a score of block reads.
    /// </summary>
    public async Task<long?> FirstSequenceAsync(DateTimeOffset from, CancellationToken cancellationToken)
    {
        await IndexedAsync(cancellationToken).ConfigureAwait(false);
        var ticks = from.UtcTicks;
        if (_legacy?.Query().Where("decidedAtTicks >= @0", ticks).OrderBy("decidedAtTicks").Limit(1).FirstOrDefault()
            is { } legacy)
        {
            return legacy["seq"].AsInt64;
        }

        if (_blocks.Query().OrderBy("_id").Limit(1).FirstOrDefault() is not { } first
            || _blocks.Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is not { } last
            || TicksAt(last["last"].AsInt64) < ticks)
        {
            return null;
        }

        var (low, high) = (first["_id"].AsInt64, last["last"].AsInt64);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = TicksAt(middle) >= ticks ? (low, middle) : (middle + 1, high);
        }

        return low;
    }

    private long TicksAt(long sequence)
    {
        var block = _blocks.Query().Where("_id <= @0", sequence).OrderByDescending("_id").Limit(1).First();
        return block["entries"].AsArray[(int)(sequence - block["_id"].AsInt64)]["ticks"].AsInt64;
    }
}
