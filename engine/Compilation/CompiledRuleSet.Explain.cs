using System.Text.Json;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

public sealed partial class CompiledRuleSet
{
    // The full trace and why-not from the facts the decision was made with; what it would take by deciding again.
    private Decision Explain(
        Decision decision, Facts facts, int tier, JsonElement customer, ExplainLevel level,
        CancellationToken cancellationToken) =>
        decision with
        {
            Trace = _explainer.Full(facts, decision.Trace),
            WhyNot = _explainer.WhyNot(facts, tier),
            WhatItWouldTake = level == ExplainLevel.Counterfactual
                ? _counterfactuals.Find(this, facts, tier, customer, cancellationToken)
                : null,
        };
}
