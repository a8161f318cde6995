namespace Decisions.Api.Storage;

/// <summary>
/// Whether a chain extends a checkpoint: a SHA-256 chain can be recomputed by whoever edits the store and a cut
/// tail leaves no broken link, so only a head signed earlier shows either. Each chain's verifier reports the
/// running head at the checkpoint's size (for a chain of blocks, a size that falls on a block boundary).
/// </summary>
internal static class CheckpointAnchor
{
    /// <summary>
    /// A break when <paramref name="expected"/> is at <paramref name="size"/> and its head is not
    /// <paramref name="head"/>.
    /// </summary>
    public static ChainBreak? AtSize(ChainPoint? expected, long size, string head, string entry, string chain) =>
        expected is { } point && point.Size == size && point.Head != head
            ? new ChainBreak(entry, $"The {chain} does not extend the checkpoint: its hash at #{size} is not the "
                + $"checkpoint's head, so an entry at or before #{size} was changed, removed or inserted "
                + "and the chain recomputed.")
            : null;

    /// <summary>A break when the chain, <paramref name="size"/> long, is shorter than the checkpoint.</summary>
    public static ChainBreak? Reached(ChainPoint? expected, long size, string entry, string chain) =>
        expected is { } point && size < point.Size
            ? new ChainBreak($"{entry} #{size + 1}", $"The {chain} holds {size} entries but the checkpoint covers "
                + $"{point.Size}: the entries from #{size + 1} on were removed.")
            : null;
}
