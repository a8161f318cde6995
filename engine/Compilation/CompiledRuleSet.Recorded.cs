using Decisions.Engine.Serialization;

namespace Decisions.Engine.Compilation;

public sealed partial class CompiledRuleSet
{
    /// <summary>
    /// This version under the content hash it was stored with, when that is the hash of a form older than RFC 8785
    /// (<see cref="RuleSetJson.Matches"/>): decisions keep recording the hash the store, the trail and the decisions
    /// logged before hold, so that they replay. Any other hash leaves it as compiled, for verification to report.
    /// </summary>
    public CompiledRuleSet RecordedAs(string hash)
    {
        if (hash == Ref.Hash || hash != RuleSetJson.SortedKeysHash(Definition))
        {
            return this;
        }

        var recorded = (CompiledRuleSet)MemberwiseClone();
        recorded.Ref = Ref with { Hash = hash };
        return recorded;
    }
}
