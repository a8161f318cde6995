using System.Globalization;

namespace Decisions.Engine.Expressions;

/// <summary>
/// Traditional festivals of the Chinese lunisolar calendar for holiday marketing (节日营销), e.g.
/// <c>Festivals.DaysUntilNext(today) &lt;= params.festivalWindowDays</c>. Dates come from .NET's
/// <see cref="ChineseLunisolarCalendar"/>, an algorithm with built-in tables that reads no culture data and no
/// clock, so a replay computes the same days on any host. Dates before the calendar's range (1901-02-19) are
/// unknown: the helpers return null there.
/// </summary>
public static class Festivals
{
    /// <summary>春节: the first day of the first month.</summary>
    public const string Spring = "spring";

    /// <summary>端午节: the fifth day of the fifth month.</summary>
    public const string DragonBoat = "dragon_boat";

    /// <summary>中秋节: the fifteenth day of the eighth month.</summary>
    public const string MidAutumn = "mid_autumn";

    private static readonly ChineseLunisolarCalendar Calendar = new();

    private static readonly DateOnly First = DateOnly.FromDateTime(Calendar.MinSupportedDateTime);

    private static readonly int FirstYear = Calendar.GetYear(Calendar.MinSupportedDateTime);

    private static readonly int LastYear = Calendar.GetYear(Calendar.MaxSupportedDateTime);

    /// <summary>Every known festival: its code, Chinese name and lunar month and day.</summary>
    public static IReadOnlyList<Festival> All { get; } =
    [
        new(Spring, "春节", 1, 1),
        new(DragonBoat, "端午节", 5, 5),
        new(MidAutumn, "中秋节", 8, 15),
    ];

    /// <summary>Days until the festival's next day on or after <paramref name="today"/>, 0 on the day itself.</summary>
    /// <exception cref="ArgumentException">The code names no known festival.</exception>
    public static int? DaysUntil(string festival, DateOnly today) =>
        NextDate(Find(festival), today) is { } date ? date.DayNumber - today.DayNumber : null;

    /// <summary>The code of the festival that comes first on or after <paramref name="today"/>.</summary>
    public static string? Next(DateOnly today) => Upcoming(today)?.Festival.Code;

    /// <summary>Days until the first festival on or after <paramref name="today"/>, 0 on the day itself.</summary>
    public static int? DaysUntilNext(DateOnly today) =>
        Upcoming(today)?.Date is { } date ? date.DayNumber - today.DayNumber : null;

    /// <summary>
    /// The first festival on or after <paramref name="today"/> and its date; null before the calendar.
    /// </summary>
    public static FestivalDay? Upcoming(DateOnly today) =>
        All.Select(festival => NextDate(festival, today) is { } date ? new FestivalDay(festival, date) : null)
            .Where(day => day is not null)
            .MinBy(day => day!.Date);

    private static Festival Find(string festival) =>
        All.FirstOrDefault(f => string.Equals(f.Code, festival, StringComparison.Ordinal))
        ?? throw new ArgumentException(
            $"'{festival}' is not a festival; known: {string.Join(", ", All.Select(f => f.Code))}.", nameof(festival));

    // The lunar year that holds today starts in the Gregorian year before or in today's; the festival of one of
    // the three lunar years around it is the next one.
    private static DateOnly? NextDate(Festival festival, DateOnly today)
    {
        if (today < First)
        {
            return null;
        }

        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (DateIn(festival, year) is { } date && date >= today)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? DateIn(Festival festival, int lunarYear)
    {
        if (lunarYear < FirstYear || lunarYear > LastYear)
        {
            return null;
        }

        // In a year with a leap month, the calendar numbers the leap month and every month after it one higher.
        var leap = Calendar.GetLeapMonth(lunarYear);
        var month = leap != 0 && leap <= festival.Month ? festival.Month + 1 : festival.Month;
        return DateOnly.FromDateTime(Calendar.ToDateTime(lunarYear, month, festival.Day, 0, 0, 0, 0));
    }
}

/// <summary>A festival of the lunisolar calendar: its code, Chinese name, and lunar month and day.</summary>
public sealed record Festival(string Code, string Name, int Month, int Day);

/// <summary>A festival and the Gregorian date it falls on.</summary>
public sealed record FestivalDay(Festival Festival, DateOnly Date);
