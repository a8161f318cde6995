using System.Text.RegularExpressions;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// The rule set's time zone, accepted only as a canonical IANA id ("Area/Location", "UTC" or "Etc/..."). The
/// host resolves other names too ("localtime", "Local", "posixrules", Windows ids), and those name whatever
/// zone the machine is set to, so the same version would see another <c>today</c> on another host.
/// </summary>
internal static partial class IanaTimeZone
{
    private const string Pattern = "^(UTC|Etc/[A-Za-z0-9+-]+"
        + "|(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)"
        + "(/[A-Za-z][A-Za-z0-9_+-]*){1,2})$";

    [GeneratedRegex(Pattern)]
    private static partial Regex CanonicalId();

    /// <summary>The zone, or null with a problem at <c>timeZone</c>.</summary>
    public static TimeZoneInfo? Find(string id, List<Problem> problems)
    {
        if (CanonicalId().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId)
        {
            return zone;
        }

        problems.Add(new Problem(
            "timeZone", $"'{id}' is not an IANA time zone id such as 'Asia/Shanghai', 'Europe/Berlin' or 'UTC'."));
        return null;
    }
}
