using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>What a message template sees: the same facts as the rules, plus the decided tier and privileges.</summary>
internal sealed class MessageModel(Facts facts, TierOutcome tier, IReadOnlyList<PrivilegeOutcome> privileges, IReadOnlyDictionary<string, decimal> scores)
{
    public IReadOnlyDictionary<string, object?> Values { get; } = new Dictionary<string, object?>(7, StringComparer.Ordinal)
    {
        ["customer"] = facts.Customer,
        ["params"] = facts.Params,
        ["scores"] = scores,
        ["tier"] = tier,
        ["privileges"] = privileges,
        ["today"] = facts.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["asOf"] = facts.AsOf,
    };
}
