using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>Time-range reads over the blocks through their time index (<see cref="BlockTimes"/>).</summary>
public sealed partial class LiteDbStore
{
    // The times the next block is stamped after; read on the writer thread only, loaded at the first commit.
    private BlockTimes? _times;

    // The window of the last search: the pages after its first, read down from its cursor, reuse it.
    private SearchWindow? _lastWindow;

    /// <summary>
    /// Documents written before blocks are all older than any block and keep their time index; in the blocks, the
    /// first that can hold a decision at or after <paramref name="from"/> is found through the ceiling index.
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

        var (window, _) = Window(from, null);
        if (window.Empty || _blocks.Query().Where("_id >= @0", window.First).OrderBy("_id").Limit(1).FirstOrDefault()
            is not { } block)
        {
            return null;
        }

        var entries = block["entries"].AsArray;
        var index = Enumerable.Range(0, entries.Count).FirstOrDefault(i => entries[i]["ticks"].AsInt64 >= ticks);
        return block["_id"].AsInt64 + index;
    }

    /// <summary>
    /// The window of <paramref name="query"/>'s time range. A page below the cursor of the last search of the same
    /// range reuses its window: blocks logged since lie above that cursor, and the window holds for every block
    /// up to the newest it saw.
    /// </summary>
    private BlockWindow WindowOf(DecisionQuery query)
    {
        if (query.Before is { } before && _lastWindow is { } last && last.From == query.From && last.To == query.To
            && before <= last.Through)
        {
            return last.Window;
        }

        var (window, through) = Window(query.From, query.To);
        _lastWindow = new SearchWindow(query.From, query.To, through, window);
        return window;
    }

    /// <summary>
    /// The blocks (by first sequence, both ends included) that can hold a decision in [<paramref name="from"/>,
    /// <paramref name="to"/>), and whether the documents written before blocks can; with the sequence after the newest
    /// block it holds for. The whole log when the newest block has no time index yet (a file written before it).
    /// </summary>
    private (BlockWindow Window, long Through) Window(DateTimeOffset? from, DateTimeOffset? to)
    {
        var all = new BlockWindow(long.MinValue, long.MaxValue, Legacy: true);
        var newest = _blocks.Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
        var through = newest is null ? 0 : newest["last"].AsInt64 + 1;
        if ((from, to) is (null, null) || newest is null || BlockTimes.Of(newest) is not { } times)
        {
            return (all, through);
        }

        var lowest = Reaching(long.MinValue)!.Value;
        var first = from is { } f ? Reaching(f.UtcTicks) : lowest;
        var last = to is { } t
            ? Reaching(t.UtcTicks > long.MaxValue - times.Reach ? long.MaxValue : t.UtcTicks + times.Reach)
            : null;
        return (first is not { } low
            ? new BlockWindow(0, -1, Legacy: false)
            : new BlockWindow(low == lowest ? long.MinValue : low, last ?? long.MaxValue, Legacy: low == lowest),
            through);
    }

    /// <summary>
    /// The first stamped block whose ceiling reaches <paramref name="ticks"/>, found by the ceiling index.
    /// </summary>
    private long? Reaching(long ticks) =>
        // BETWEEN walks the index from the bound (a range scan); >= would test every key of the index.
        _blocks.Query().Where($"$.{BlockTimes.CeilingField} BETWEEN @0 AND @1", ticks, long.MaxValue)
            .OrderBy($"$.{BlockTimes.CeilingField}").Limit(1).FirstOrDefault()?["_id"].AsInt64;

    /// <summary>Stamps the block about to be inserted with its times (on the writer thread).</summary>
    private void StampTimes(BsonDocument block) => _times = (_times ??= LoadTimes()).Stamp(block);

    private BlockTimes LoadTimes()
    {
        if (_blocks.Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is { } newest
            && BlockTimes.Of(newest) is { } times)
        {
            return times;
        }

        // The first block stamped after an upgrade: its ceiling must cover every decision logged before it.
        var legacy = _legacy?.Query()
            .OrderByDescending("decidedAtTicks")
            .Limit(1)
            .FirstOrDefault()?["decidedAtTicks"].AsInt64;
        return BlockTimes.Over(_blocks.FindAll().SelectMany(b => b["entries"].AsArray.Select(e => e["ticks"].AsInt64))
            .Concat(legacy is { } ticks ? [ticks] : []));
    }

    /// <summary>
    /// Blocks from <paramref name="First"/> to <paramref name="Last"/>; whether the older documents may match.
    /// </summary>
    private sealed record BlockWindow(long First, long Last, bool Legacy)
    {
        public bool Empty => First > Last;
    }

    private sealed record SearchWindow(DateTimeOffset? From, DateTimeOffset? To, long Through, BlockWindow Window);
}
