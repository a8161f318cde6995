using System.Globalization;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Testing;

/// <summary>The result of one embedded test: what failed, and the decision it produced.</summary>
public sealed record TestOutcome(int Index, string Name, IReadOnlyList<string> Failures, DecisionResult Result)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>The results of every embedded test of a rule set.</summary>
public sealed record TestReport(IReadOnlyList<TestOutcome> Outcomes)
{
    public int Passed => Outcomes.Count(outcome => outcome.Passed);

    public int Failed => Outcomes.Count - Passed;
}

/// <summary>Runs the examples embedded in a rule set against its compiled form.</summary>
public static class RuleSetTestRunner
{
    public static TestReport Run(CompiledRuleSet ruleSet) =>
        new([.. ruleSet.Definition.Tests.Select((test, i) => Run(ruleSet, test, i))]);

    private static TestOutcome Run(CompiledRuleSet ruleSet, RuleSetTest test, int index)
    {
        var result = ruleSet.Evaluate(test.Customer, test.AsOf);
        var expect = test.Expect;
        var failures = new List<string>();
        if (expect.InputErrors is { } expectedErrors)
        {
            var actual = result.Failure == DecisionFailure.InvalidInput
                ? result.Problems.Select(p => p.Path).ToList()
                : [];
            Compare("input errors", expectedErrors.Order(StringComparer.Ordinal),
                actual.Order(StringComparer.Ordinal), failures);
            return new TestOutcome(index, test.Name, failures, result);
        }

        if (result.Decision is not { } decision)
        {
            failures.Add($"no decision: {string.Join("; ", result.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
            return new TestOutcome(index, test.Name, failures, result);
        }

        Check("tier", expect.Tier, decision.Tier.Code, failures);
        Check("next action", expect.NextAction, decision.NextAction?.Code ?? "", failures);
        if (expect.Privileges is { } privileges)
        {
            Compare("privileges", privileges.Order(StringComparer.Ordinal),
                decision.Privileges.Select(p => p.Code).Order(StringComparer.Ordinal), failures);
        }

        if (expect.Alternatives is { } alternatives)
        {
            Compare("alternatives", alternatives, decision.Alternatives.Select(a => a.Code), failures);
        }

        if (expect.MissingInputs is { } missing)
        {
            var actual = (decision.MissingInputs ?? []).Order(StringComparer.Ordinal);
            Compare("missing inputs", missing.Order(StringComparer.Ordinal), actual, failures);
        }

        foreach (var (name, expected) in expect.Scores ?? new Dictionary<string, decimal>())
        {
            // Compared as numbers: 10000 and 10000.0 are the same score.
            if (!decision.Scores.TryGetValue(name, out var actual) || actual != expected)
            {
                var got = decision.Scores.ContainsKey(name) ? actual.ToString(CultureInfo.InvariantCulture) : "none";
                failures.Add($"expected score '{name}' {expected.ToString(CultureInfo.InvariantCulture)}, got {got}");
            }
        }

        if (expect.MessageContains is { } fragment
            && decision.NextAction?.Message?.Contains(fragment, StringComparison.Ordinal) != true)
        {
            failures.Add($"the message does not contain '{fragment}': \"{decision.NextAction?.Message}\"");
        }

        return new TestOutcome(index, test.Name, failures, result);
    }

    private static void Check(string what, string? expected, string actual, List<string> failures)
    {
        if (expected is not null && expected != actual)
        {
            failures.Add($"expected {what} '{expected}', got '{actual}'");
        }
    }

    private static void Compare(string what, IEnumerable<string> expected,
        IEnumerable<string> actual, List<string> failures)
    {
        var e = expected.ToList();
        var a = actual.ToList();
        if (!e.SequenceEqual(a, StringComparer.Ordinal))
        {
            failures.Add($"expected {what} [{string.Join(", ", e)}], got [{string.Join(", ", a)}]");
        }
    }
}
