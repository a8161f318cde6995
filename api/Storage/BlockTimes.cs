using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// The time index of the LiteDB blocks, over the time searches filter on (each decision's <c>decidedAt</c>; the
/// client-chosen as-of time is never searched). Decision times need not grow with the sequence: requests are
/// stamped before they queue for the writer, and a clock can be set back. So each block keeps its entries'
/// <c>minTicks</c> and <c>maxTicks</c>, and two numbers that make a sequence window findable through one index:
/// <list type="bullet">
/// <item><c>ceiling</c>: above every decision time up to and including this block, and above the block before's
/// (strictly, so the index has no ties). The first block whose ceiling reaches <c>from</c> is the first that can
/// hold a decision at or after it.</item>
/// <item><c>reach</c>: the furthest any block has gone back below the ceiling before it. A block holding a time
/// before <c>to</c> has a ceiling before it under <c>to + reach</c>, so the first block whose ceiling reaches
/// <c>to + reach</c> is the last that can hold one.</item>
/// </list>
/// Both only ever overstate (a rolled-back block may have raised them), which widens a window and never loses a
/// decision. Blocks written before these fields have none: they come before every stamped block, and the first
/// stamped block's ceiling covers them, so a window that reaches that block includes them all.
/// </summary>
internal sealed record BlockTimes(long Ceiling, long Reach)
{
    public const string CeilingField = "ceiling";

    public const string ReachField = "reach";

    /// <summary>Before any block: nothing to stay above.</summary>
    public static BlockTimes Start { get; } = new(long.MinValue, 0);

    /// <summary>
    /// The times of the stamped block <paramref name="block"/>, null for one written before the time index.
    /// </summary>
    public static BlockTimes? Of(BsonDocument block) =>
        block[CeilingField].IsInt64 ? new(block[CeilingField].AsInt64, block[ReachField].AsInt64) : null;

    /// <summary>Stamps <paramref name="block"/>, the next block after these times, and answers its times.</summary>
    public BlockTimes Stamp(BsonDocument block)
    {
        var (min, max) = (long.MaxValue, long.MinValue);
        foreach (var entry in block["entries"].AsArray)
        {
            var ticks = entry["ticks"].AsInt64;
            (min, max) = (Math.Min(min, ticks), Math.Max(max, ticks));
        }

        var next = new BlockTimes(
            Ceiling == long.MinValue ? max : Math.Max(Ceiling + 1, max),
            Ceiling == long.MinValue ? Reach : Math.Max(Reach, Ceiling - min));
        block["minTicks"] = min;
        block["maxTicks"] = max;
        block[CeilingField] = next.Ceiling;
        block[ReachField] = next.Reach;
        return next;
    }

    /// <summary>
    /// The times to go on from when the newest block has none: a ceiling over every time logged so far.
    /// </summary>
    public static BlockTimes Over(IEnumerable<long> ticks) =>
        ticks.DefaultIfEmpty(long.MinValue).Max() is var max && max == long.MinValue ? Start : new(max, 0);
}
