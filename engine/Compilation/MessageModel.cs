using System.Globalization;
using Decisions.Engine.Explanation;
using Decisions.Engine.Expressions;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// What a message template sees: the same facts as the rules, plus the decided tier and privileges, and the next
/// lunisolar festival (<c>festival.name</c>, <c>festival.on</c>, <c>festival.inDays</c>) for holiday greetings. With
/// format 2, <paramref name="WithUnknown"/> holds every score, an unknown one as null, so that a template reading it
/// renders nothing rather than failing on a missing member. <paramref name="Reasons"/> are the decision's reasons
/// (what decided the tier, each privilege and the next action), given when a template reads them.
/// </summary>
internal sealed record MessageModel(
    Facts Facts,
    TierOutcome Tier,
    IReadOnlyList<PrivilegeOutcome> Privileges,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, decimal?>? WithUnknown = null,
    IReadOnlyList<Reason>? Reasons = null)
{
    public void CopyTo(Action<string, object?> set)
    {
        set("customer", Facts.Customer);
        set("params", Facts.Params);
        set("scores", (object?)WithUnknown ?? Scores);
        set("tier", Tier);
        set("privileges", Privileges);
        set("today", Facts.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        set("asOf", Facts.AsOf);
        set("festival", FestivalModel.OnOrAfter(Facts.Today));
        set("reasons", Reasons ?? []);
    }
}

/// <summary>
/// The next festival as a message reads it: its code, Chinese name, the date it falls on (yyyy-MM-dd) and the days
/// until it. Not <c>date</c>: templates may not name a member so, as the date built-ins are refused by name.
/// </summary>
internal sealed record FestivalModel(string Code, string Name, string On, int InDays)
{
    // Every render asks for the festival after the decision date; the calendar is walked once per date (a pure
    // function of it), not once per message.
    private static Cached? _last;

    public static FestivalModel? OnOrAfter(DateOnly today)
    {
        if (Volatile.Read(ref _last) is { } last && last.Today == today)
        {
            return last.Festival;
        }

        var festival = Festivals.Upcoming(today) is { } next ? Of(next, today) : null;
        Volatile.Write(ref _last, new Cached(today, festival));
        return festival;
    }

    public static FestivalModel Of(FestivalDay day, DateOnly today) => new(
        day.Festival.Code, day.Festival.Name, day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        day.Date.DayNumber - today.DayNumber);

    private sealed record Cached(DateOnly Today, FestivalModel? Festival);
}
