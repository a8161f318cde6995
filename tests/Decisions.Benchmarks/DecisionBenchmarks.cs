using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Decisions.Engine;
using Decisions.Engine.Compilation;
using Decisions.Engine.Explanation;
using Decisions.Engine.Expressions;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using RulesEngine.Models;

namespace Decisions.Benchmarks;

/// <summary>
/// One retail-tiering decision for a VIP customer with a large outflow: the engine's whole decision
/// (input binding from JSON, scores, tier, privileges, actions, message, trace, reasons), the same without
/// reasons (what reasons cost), beside RulesEngine's
/// ExecuteAllRulesAsync over the same 31 expressions as one workflow, and the hand-written floor.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly Today = new(2026, 6, 15);

    private CompiledRuleSet _compiled = null!;
    private JsonElement _customerJson;
    private RetailCustomer _customer = null!;
    private readonly RetailParams _params = new();
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private RuleParameter[] _ruleParameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ruleSet = RuleSetJson.Parse(File.ReadAllText(RuleSetPath("retail-tiering", 1))).RuleSet!;
        _compiled = new RuleSetCompiler(new DecisionEngineOptions()).Compile(ruleSet).RuleSet!;
        const string customer = """
            { "customerId": "R-1", "name": "王芳", "avgDailyBalance": 800000, "largeOutflow30d": 250000, "monthlyTransactions": 6,
              "productsHeld": ["fund", "credit_card"], "occupation": "clerk", "lastTransactionDate": "2026-06-10",
              "lastTierReviewDate": "2026-03-01", "birthDate": "1985-01-20", "satisfaction": 7 }
            """;
        _customerJson = JsonDocument.Parse(customer).RootElement;
        _customer = JsonSerializer.Deserialize<RetailCustomer>(customer)!;
        var expect = _compiled.Evaluate(_customerJson, AsOf).Decision!;
        if (expect.NextAction?.Code != HandWrittenRetail.Decide(_customer, _params, Today).Action)
        {
            throw new InvalidOperationException("The engine and the hand-written floor disagree.");
        }

        var rules = ruleSet.Tiers.Rules.Select(r => ("tier", r.Code, r.When))
            .Concat(ruleSet.Privileges.Rules.Select(r => ("privilege", r.Code, r.When)))
            .Concat(ruleSet.NextActions.Rules.Select(r => ("action", r.Code, r.When)))
            .Select(r => new Rule { RuleName = $"{r.Item1}:{r.Code}", Expression = r.When,
                RuleExpressionType = RuleExpressionType.LambdaExpression })
            .ToList();
        _rulesEngine = new RulesEngine.RulesEngine(
            [new Workflow { WorkflowName = "retail", Rules = rules }],
            new ReSettings { CustomTypes = [typeof(Days)], UseFastExpressionCompiler = true });
        _ruleParameters =
        [
            new RuleParameter("customer", _customer), new RuleParameter("params", _params),
            new RuleParameter("tier", "VIP"),
            new RuleParameter("today", Today), new RuleParameter("asOf", AsOf),
        ];
        var check = RulesEngineBaseline().GetAwaiter().GetResult();
        if (check.Any(result => !string.IsNullOrEmpty(result.ExceptionMessage)))
        {
            throw new InvalidOperationException("RulesEngine failed: " + check.First(result => !string.IsNullOrEmpty(
                result.ExceptionMessage)).ExceptionMessage);
        }
    }

    [Benchmark(Description = "Decisions engine: whole decision")]
    public Decision? Engine() => _compiled.Evaluate(_customerJson, AsOf).Decision;

    [Benchmark(Description = "Decisions engine: whole decision without reasons")]
    public Decision? EngineWithoutReasons() =>
        _compiled.Evaluate(_customerJson, AsOf, ExplainLevel.None, CancellationToken.None).Decision;

    [Benchmark(Baseline = true, Description = "RulesEngine ExecuteAllRulesAsync")]
    public Task<List<RuleResultTree>> RulesEngineBaseline() =>
        _rulesEngine.ExecuteAllRulesAsync("retail", _ruleParameters).AsTask();

    [Benchmark(Description = "Hand-written C# (floor)")]
    public object HandWritten() => HandWrittenRetail.Decide(_customer, _params, Today);

    internal static string RuleSetPath(string name, int version)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "rulesets", name, $"v{version}.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"rulesets/{name}/v{version}.json not found above {AppContext.BaseDirectory}");
    }
}
