namespace Decisions.Api.Analysis;

/// <summary>
/// How far a run over the log has come: decisions read, and the share of its period read. The log is read
/// newest first, so the oldest decision time re-decided so far says how much of the period lies behind; the
/// number of decisions in the period is not counted beforehand, since that would read the log twice.
/// </summary>
/// <param name="from">The start of the period.</param>
/// <param name="to">Its end.</param>
/// <param name="limit">The most decisions the run reads, when the caller bounds it.</param>
public sealed class AnalysisProgress(DateTimeOffset from, DateTimeOffset to, long? limit = null)
{
    private long _read;
    private long _oldest = long.MaxValue;
    private volatile bool _complete;

    public long Read => Interlocked.Read(ref _read);

    /// <summary>0 to 100; 100 only once every decision of the run is re-decided.</summary>
    public double Percent
    {
        get
        {
            if (_complete)
            {
                return 100;
            }

            var oldest = Interlocked.Read(ref _oldest);
            var span = Math.Max(1, to.UtcTicks - from.UtcTicks);
            var byTime = oldest == long.MaxValue ? 0 : (double)(to.UtcTicks - oldest) / span;
            var byCount = limit is { } most ? (double)Read / most : 0;
            return Math.Round(Math.Clamp(Math.Max(byTime, byCount) * 100, 0, 99.9), 1);
        }
    }

    public void Advance(int read, DateTimeOffset? oldest)
    {
        Interlocked.Add(ref _read, read);
        if (oldest is not { } time)
        {
            return;
        }

        var ticks = Math.Max(time.UtcTicks, from.UtcTicks);
        var seen = Interlocked.Read(ref _oldest);
        while (ticks < seen && Interlocked.CompareExchange(ref _oldest, ticks, seen) is var now && now != seen)
        {
            seen = now;
        }
    }

    public void Complete() => _complete = true;
}
