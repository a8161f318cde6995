namespace Decisions.Api.Analysis;

/// <summary>
/// The first few decisions of a count (their ids, or what a report shows of them), in log order (newest first), kept
/// by sequence number so that the tallies of parallel workers merge into the same samples a single reader would
/// have kept.
/// </summary>
public sealed class Samples<T>(int size)
{
    private readonly List<(long Sequence, T Id)> _kept = [];

    public int Count { get; private set; }

    public IReadOnlyList<T> Ids => [.. _kept.OrderByDescending(s => s.Sequence).Select(s => s.Id)];

    public void Add(long sequence, T id)
    {
        Count++;
        if (_kept.Count < size)
        {
            _kept.Add((sequence, id));
            return;
        }

        // A worker meets its chunks newest first, but chunks of several workers interleave: keep the newest.
        var oldest = _kept.Index().MinBy(s => s.Item.Sequence);
        if (sequence > oldest.Item.Sequence)
        {
            _kept[oldest.Index] = (sequence, id);
        }
    }

    public Samples<T> Merge(Samples<T> other)
    {
        Count += other.Count;
        foreach (var kept in other._kept)
        {
            Count--;
            Add(kept.Sequence, kept.Id);
        }

        return this;
    }
}
