namespace Decisions.Api.Decisions;

/// <summary>
/// The decision times (<c>asOf</c>) the service decides for: fixed dates, not relative to the clock, so a logged
/// decision replays under the same rule years later. Anything outside is a 422 naming <c>asOf</c>.
/// </summary>
public static class DecisionTimes
{
    /// <summary>The earliest decision time accepted.</summary>
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first decision time no longer accepted.</summary>
    public static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
