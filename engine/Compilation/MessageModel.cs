using System.Globalization;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// What a message template sees: the same facts as the rules, plus the decided tier and privileges. With format 2,
/// <paramref name="WithUnknown"/> holds every score, an unknown one as null, so that a template reading it
/// renders nothing rather than failing on a missing member.
/// </summary>
internal sealed record MessageModel(
    Facts Facts,
    TierOutcome Tier,
    IReadOnlyList<PrivilegeOutcome> Privileges,
    IReadOnlyDictionary<string, decimal> Scores,
    IReadOnlyDictionary<string, decimal?>? WithUnknown = null)
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
    }
}
