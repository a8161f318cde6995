namespace Decisions.Engine.Expressions;

/// <summary>
/// Date helpers rule expressions may call, e.g. <c>Days.Since(customer.lastTransactionDate, today)</c>.
/// They see only their arguments, never the clock, so a replay computes the same numbers.
/// </summary>
public static class Days
{
    /// <summary>
    /// Whole days from <paramref name="date"/> to <paramref name="today"/>; null when the date is absent.
    /// </summary>
    public static int? Since(DateOnly? date, DateOnly today) =>
        date is null ? null : today.DayNumber - date.Value.DayNumber;

    /// <summary>
    /// Days until the next birthday, 0 on the birthday itself; a 29 February birthday falls on 28 February in other
    /// years.
    /// </summary>
    public static int? UntilBirthday(DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is not { } birth)
        {
            return null;
        }

        var next = BirthdayIn(birth, today.Year);
        if (next < today)
        {
            next = BirthdayIn(birth, today.Year + 1);
        }

        return next.DayNumber - today.DayNumber;
    }

    /// <summary>Age in completed years on <paramref name="today"/>; null when the birth date is absent.</summary>
    public static int? Age(DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is not { } birth)
        {
            return null;
        }

        var age = today.Year - birth.Year;
        return BirthdayIn(birth, today.Year) > today ? age - 1 : age;
    }

    private static DateOnly BirthdayIn(DateOnly birth, int year) =>
        new(year, birth.Month, Math.Min(birth.Day, DateTime.DaysInMonth(year, birth.Month)));
}
