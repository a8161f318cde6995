using System.Globalization;
using Decisions.Engine.Expressions;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// What a message template sees: the same facts as the rules, plus the decided tier and privileges, and the next
/// lunisolar festival (<c>festival.name</c>, <c>festival.on</c>, <c>festival.inDays</c>) for holiday greetings.
/// </summary>
internal sealed record MessageModel(Facts Facts, TierOutcome Tier, IReadOnlyList<PrivilegeOutcome> Privileges, IReadOnlyDictionary<string, decimal> Scores)
{
    public void CopyTo(Action<string, object?> set)
    {
        set("customer", Facts.Customer);
        set("params", Facts.Params);
        set("scores", Scores);
        set("tier", Tier);
        set("privileges", Privileges);
        set("today", Facts.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        set("asOf", Facts.AsOf);
        set("festival", Festivals.Upcoming(Facts.Today) is { } next ? FestivalModel.Of(next, Facts.Today) : null);
    }
}

/// <summary>
/// The next festival as a message reads it: its code, Chinese name, the date it falls on (yyyy-MM-dd) and the days
/// until it. Not <c>date</c>: templates may not name a member so, as the date built-ins are refused by name.
/// </summary>
internal sealed record FestivalModel(string Code, string Name, string On, int InDays)
{
    public static FestivalModel Of(FestivalDay day, DateOnly today) => new(
        day.Festival.Code, day.Festival.Name, day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        day.Date.DayNumber - today.DayNumber);
}
