using BenchmarkDotNet.Attributes;
using Decisions.Engine;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Benchmarks;

/// <summary>Time to compile each seed rule set in a warm process (parse excluded).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private readonly RuleSetCompiler _compiler = new(new DecisionEngineOptions());
    private RuleSet _ruleSet = null!;

    [Params("retail-tiering", "corporate-tiering", "prospect-grading", "big-customer-revenue")]
    public string RuleSet { get; set; } = "";

    [GlobalSetup]
    public void Setup() =>
        _ruleSet = RuleSetJson.Parse(File.ReadAllText(DecisionBenchmarks.RuleSetPath(RuleSet, 1))).RuleSet!;

    [Benchmark]
    public CompilationResult Compile() => _compiler.Compile(_ruleSet);
}
