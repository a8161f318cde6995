using Decisions.Engine.Compilation;
using Decisions.Engine.Model;
using Decisions.Engine.Validation;

namespace Decisions.Engine.Tests;

/// <summary>One compiler and validator with the default limits, as the service registers them.</summary>
internal static class Engine
{
    public static RuleSetCompiler Compiler { get; } = new(new DecisionEngineOptions());

    public static RuleSetValidator Validator { get; } = new(Compiler);

    public static CompiledRuleSet Compile(RuleSet ruleSet)
    {
        var result = Compiler.Compile(ruleSet);
        Assert.True(result.Succeeded, string.Join("\n", result.Problems.Select(p => $"{p.Path}: {p.Message}")));
        return result.RuleSet!;
    }

    public static CompiledRuleSet Seed(string name) => Compile(RuleSetFiles.Load($"{name}/v1.json"));
}
