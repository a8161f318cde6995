using System.Globalization;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>What a message template sees: the same facts as the rules, plus the decided tier and privileges.</summary>
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
    }
}
