using Decisions.Engine.Compilation;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Decisions.Engine.Testing;

namespace Decisions.Engine.Validation;

/// <summary>Everything wrong with a rule set, the test results, and the compiled form when it compiles.</summary>
public sealed record ValidationReport(IReadOnlyList<Problem> Problems, TestReport? Tests, CompiledRuleSet? Compiled)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Validates a rule set the way a draft is checked before it is saved or submitted: format, structure,
/// expressions against the allow-list, templates, and then every embedded test.
/// </summary>
public sealed class RuleSetValidator(RuleSetCompiler compiler)
{
    public ValidationReport Validate(string json)
    {
        if (RuleSetLimits.CheckText(json, compiler.Options) is { } tooLong)
        {
            return new ValidationReport([tooLong], null, null);
        }

        var (ruleSet, problem) = RuleSetJson.Parse(json);
        return ruleSet is null ? new ValidationReport([problem!], null, null) : Validate(ruleSet);
    }

    public ValidationReport Validate(RuleSet ruleSet)
    {
        var compilation = compiler.Compile(ruleSet);
        if (compilation.RuleSet is not { } compiled)
        {
            return new ValidationReport(compilation.Problems, null, null);
        }

        var tests = RuleSetTestRunner.Run(compiled);
        var problems = tests.Outcomes
            .Where(outcome => !outcome.Passed)
            .Select(outcome => new Problem($"tests[{outcome.Index}]",
                $"Test '{outcome.Name}' failed: {string.Join("; ", outcome.Failures)}."))
            .ToList();
        if (ruleSet.Tests.Count == 0)
        {
            problems.Add(new Problem("tests", "A rule set needs at least one test."));
        }

        return new ValidationReport(problems, tests, compiled);
    }
}
