using System.Globalization;
using Scriban.Functions;

namespace Decisions.Engine.Messages;

/// <summary>
/// Scriban's <c>date</c> built-in without what reads the host: a date is formatted in the invariant culture
/// only (another culture's names come from the host's ICU data), and a local time, or the offset or epoch
/// seconds of a time without a zone (<c>%Z</c>, <c>%s</c>), would be read in the host's time zone. A format-2
/// message formats in its fixed <see cref="MessageCulture"/>, built from the invariant culture.
/// </summary>
internal sealed class HostFreeDates : DateTimeFunctions
{
    public override string? ToString(DateTime? datetime, string pattern, CultureInfo culture)
    {
        if (!ReferenceEquals(culture, CultureInfo.InvariantCulture) && !MessageCulture.IsFixed(culture))
        {
            throw new TemplateStoppedException(
                $"it formats a date in the culture '{culture.Name}', which depends on the host's culture data");
        }

        if (datetime is { Kind: DateTimeKind.Local })
        {
            throw new TemplateStoppedException("it formats a time converted to the host's time zone");
        }

        if (datetime is { Kind: not DateTimeKind.Utc } && pattern is not null && ReadsZone(pattern))
        {
            throw new TemplateStoppedException(
                "it formats the offset or epoch seconds (%Z, %s) of a time without a zone, read in the host's zone");
        }

        return base.ToString(datetime, pattern!, culture);
    }

    private static bool ReadsZone(string pattern) =>
        pattern.Contains("%Z", StringComparison.Ordinal) || pattern.Contains("%s", StringComparison.Ordinal);
}
