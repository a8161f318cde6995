namespace Decisions.Api.Analysis;

/// <summary>
/// How far a run over the log has come: decisions read, and the share of the log's stretch it walks. The log is
/// read newest first by sequence number, from the newest decision of the period down to the first one decided in
/// it (<see cref="Ends"/>), so the sequence numbers read so far tell the share behind, whatever the filter; the
/// decisions of the period are not counted beforehand, since that would read the log twice.
/// </summary>
/// <param name="limit">The most decisions the run reads, when the caller bounds it.</param>
public sealed class AnalysisProgress(long? limit = null)
{
    private long _read;
    private long _erased;
    private long _newest = long.MinValue;
    private long _oldest = long.MaxValue;
    private long _end = 1;
    private volatile bool _complete;

    public long Read => Interlocked.Read(ref _read);

    /// <summary>Of those read, decisions whose personal data was erased: they cannot be re-decided.</summary>
    public long Erased => Interlocked.Read(ref _erased);

    /// <summary>0 to 100; 100 only once every decision of the run is re-decided.</summary>
    public double Percent
    {
        get
        {
            if (_complete)
            {
                return 100;
            }

            var (newest, oldest) = (Interlocked.Read(ref _newest), Interlocked.Read(ref _oldest));
            var bySequence = oldest > newest
                ? 0
                : (double)(newest - oldest + 1) / Math.Max(1, newest - Interlocked.Read(ref _end) + 1);
            var byCount = limit is { } most ? (double)Read / most : 0;
            return Math.Round(Math.Clamp(Math.Max(bySequence, byCount) * 100, 0, 99.9), 1);
        }
    }

    /// <summary>The read ends at this sequence number, the period's first decision (null: nothing to read).</summary>
    public void Ends(long? firstSequence) => Interlocked.Exchange(ref _end, firstSequence ?? long.MaxValue);

    /// <summary>Decisions read, with the newest and oldest sequence numbers among them.</summary>
    public void Advance(int read, int erased, long newest, long oldest)
    {
        Interlocked.Add(ref _read, read);
        Interlocked.Add(ref _erased, erased);
        Exchange(ref _newest, newest, (value, seen) => value > seen);
        Exchange(ref _oldest, oldest, (value, seen) => value < seen);
    }

    public void Complete() => _complete = true;

    private static void Exchange(ref long field, long value, Func<long, long, bool> better)
    {
        var seen = Interlocked.Read(ref field);
        while (better(value, seen) && Interlocked.CompareExchange(ref field, value, seen) is var now && now != seen)
        {
            seen = now;
        }
    }
}
