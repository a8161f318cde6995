using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

public sealed partial class CompiledRuleSet
{
    // The full trace and why-not from the facts the decision was made with.
    private Decision Explain(Decision decision, Facts facts, int tier) =>
        decision with { Trace = _explainer.Full(facts, decision.Trace), WhyNot = _explainer.WhyNot(facts, tier) };
}
