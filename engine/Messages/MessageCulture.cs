using System.Globalization;

namespace Decisions.Engine.Messages;

/// <summary>
/// How a format-2 message writes numbers and dates for its rule set's locale: fixed rules written here, never the
/// host's culture data (ICU versions differ between machines, and a replay must render the same bytes). A date is
/// <c>2025-12-16</c>; a number is grouped in thousands (<c>1,000,000</c>) and keeps every decimal it has, so a
/// message never shows 9,999.5 as 10,000 beside a decision that turned on the difference.
/// </summary>
internal sealed class MessageCulture
{
    // Language → separators and date pattern. Chinese and English read ISO dates alike and group by thousands.
    private static readonly Dictionary<string, MessageCulture> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zh"] = new(",", ".", "yyyy-MM-dd"),
        ["en"] = new(",", ".", "yyyy-MM-dd"),
    };

    private static readonly MessageCulture Fallback = new(",", ".", "yyyy-MM-dd");

    private readonly string _datePattern;

    private MessageCulture(string group, string point, string datePattern)
    {
        _datePattern = datePattern;
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberGroupSeparator = group;
        culture.NumberFormat.NumberDecimalSeparator = point;
        culture.DateTimeFormat.ShortDatePattern = datePattern;
        Culture = CultureInfo.ReadOnly(culture);
    }

    /// <summary>The invariant culture with this locale's separators and date pattern, read-only.</summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// The rules of <paramref name="locale"/>'s language (<c>zh-CN</c>: <c>zh</c>), else the fallback's.
    /// </summary>
    public static MessageCulture For(string locale) => ByLanguage.GetValueOrDefault(locale.Split('-')[0], Fallback);

    /// <summary>Whether <paramref name="culture"/> is one of these fixed cultures, safe to format with.</summary>
    public static bool IsFixed(CultureInfo culture) =>
        ReferenceEquals(culture, Fallback.Culture)
        || ByLanguage.Values.Any(known => ReferenceEquals(culture, known.Culture));

    /// <summary>A number or a date as a message writes it, or null for any other value.</summary>
    public string? Format(object? value) => value switch
    {
        decimal number => Amount(number, 0),
        long or int => ((IFormattable)value).ToString("N0", Culture),
        double number when Math.Abs(number) < 1e28 => Amount((decimal)number, 0),
        DateOnly date => date.ToString(_datePattern, Culture),
        DateTimeOffset time => time.ToString(_datePattern + "THH:mm:sszzz", Culture),
        _ => null,
    };

    /// <summary>
    /// <c>math.format</c> with <c>N</c> or <c>F</c> and a number of decimals: that many at least, and as many more
    /// as the value has; null for other formats, which format as written.
    /// </summary>
    public string? FormatNumber(object? value, string? format)
    {
        if (format is not [var kind, .. var digits] || "NnFf".IndexOf(kind) < 0
            || !int.TryParse(
                digits.Length == 0 ? "2" : digits, NumberStyles.None, CultureInfo.InvariantCulture, out var decimals))
        {
            return null;
        }

        var text = value switch
        {
            decimal number => Amount(number, decimals),
            long or int => Amount(Convert.ToDecimal(value, CultureInfo.InvariantCulture), decimals),
            _ => null,
        };
        return text is null || char.ToUpperInvariant(kind) == 'N'
            ? text
            : text.Replace(Culture.NumberFormat.NumberGroupSeparator, "", StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="value"/> grouped in thousands with at least <paramref name="decimals"/> decimals and as
    /// many more as it has: rounding is the template's explicit choice (<c>math.round</c>), never the format's.
    /// </summary>
    public string Amount(decimal value, int decimals)
    {
        // Dividing by 1.000... drops trailing zeros: 9999.50 has one decimal that matters.
        var normalized = value / 1.000000000000000000000000000000000m;
        var scale = (decimal.GetBits(normalized)[3] >> 16) & 0xFF;
        var shown = Math.Clamp(Math.Max(scale, decimals), 0, 28);
        return value.ToString("N" + shown.ToString(CultureInfo.InvariantCulture), Culture);
    }
}
