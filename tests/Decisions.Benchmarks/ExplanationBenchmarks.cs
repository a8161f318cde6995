using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Decisions.Engine;
using Decisions.Engine.Compilation;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Benchmarks;

/// <summary>
/// What the explanations asked for cost on retail-tiering, paid only when asked: the full level (every comparison
/// and why-not) and the counterfactual level (what it would take, each candidate confirmed by deciding again), for a
/// MASS customer (three tiers above, the most work) and a TARGET customer (one tier above). Target: ≤ 1 ms.
/// </summary>
[MemoryDiagnoser]
public class ExplanationBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    private CompiledRuleSet _compiled = null!;
    private JsonElement _customer;

    [Params("MASS", "TARGET")]
    public string Tier { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var ruleSet = RuleSetJson.Parse(File.ReadAllText(DecisionBenchmarks.RuleSetPath("retail-tiering", 1))).RuleSet!;
        _compiled = new RuleSetCompiler(new DecisionEngineOptions()).Compile(ruleSet).RuleSet!;
        var balance = Tier == "MASS" ? 20000 : 320000;
        _customer = JsonDocument.Parse($$"""
            { "customerId": "R-1", "name": "王芳", "avgDailyBalance": {{balance}}, "monthlyTransactions": 6,
              "productsHeld": ["fund", "credit_card"], "occupation": "clerk", "lastTransactionDate": "2026-06-10",
              "lastTierReviewDate": "2026-03-01", "birthDate": "1985-01-20", "satisfaction": 7 }
            """).RootElement;
        if (Counterfactual()?.Tier.Code != Tier)
        {
            throw new InvalidOperationException($"The customer is not {Tier}.");
        }
    }

    [Benchmark(Description = "explain=full")]
    public Decision? Full() => _compiled.Evaluate(_customer, AsOf, ExplainLevel.Full, CancellationToken.None).Decision;

    [Benchmark(Description = "explain=counterfactual")]
    public Decision? Counterfactual() =>
        _compiled.Evaluate(_customer, AsOf, ExplainLevel.Counterfactual, CancellationToken.None).Decision;
}
