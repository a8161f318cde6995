using System.Linq.Expressions;
using Decisions.Engine.Explanation;
using Decisions.Engine.Expressions;
using Decisions.Engine.Messages;
using Decisions.Engine.Model;
using Decisions.Engine.Validation;

namespace Decisions.Engine.Compilation;

/// <summary>The result of compiling a rule set: the compiled form, or every problem found with its path.</summary>
public sealed record CompilationResult(CompiledRuleSet? RuleSet, IReadOnlyList<Problem> Problems)
{
    public bool Succeeded => RuleSet is not null;
}

/// <summary>
/// Compiles a rule-set version once: checks its structure, generates typed classes for its input,
/// parameters and scores, and compiles every expression and template. Thread-safe.
/// </summary>
public sealed class RuleSetCompiler
{
    private readonly DecisionEngineOptions _options;
    private readonly RuleExpressionCompiler _expressions;

    public RuleSetCompiler(DecisionEngineOptions options)
    {
        _options = options;
        _expressions = new RuleExpressionCompiler(options);
    }

    /// <summary>The limits this compiler applies.</summary>
    internal DecisionEngineOptions Options => _options;

    public CompilationResult Compile(RuleSet ruleSet)
    {
        var problems = new List<Problem>();
        RuleSetLimits.Check(ruleSet, _options, problems);
        if (problems.Count > 0)
        {
            return new CompilationResult(null, problems);
        }

        RuleSetStructure.Check(ruleSet, problems);
        if (problems.Count > 0)
        {
            return new CompilationResult(null, problems);
        }

        var zone = IanaTimeZone.Find(ruleSet.TimeZone, problems);
        var parameters = ParameterValues.Create(ruleSet.Parameters, _options.MaxListParameterItems, problems);
        if (problems.Count > 0 || zone is null || parameters is null)
        {
            return new CompilationResult(null, problems);
        }

        // Format 2: the customer and scores hold null for an absent value; the parser still sees plain values.
        var missingIsNull = RuleSetFormat.HasMissingValues(ruleSet);
        var locale = missingIsNull ? MessageCulture.For(ruleSet.Locale) : null;
        var input = InputSchema.Create(ruleSet.Input, _options.DefaultMaxItems, missingIsNull, problems);
        var scoreNames = ruleSet.Scores.Rules.Select(rule => rule.Name).ToList();
        var scoreType = missingIsNull ? typeof(decimal?) : typeof(decimal);
        var scores = RecordType.Create(scoreNames.Select(name => (name, scoreType)));
        var scoresParsedAs = missingIsNull
            ? RecordType.Create(scoreNames.Select(name => (name, typeof(decimal)))).Type
            : scores.Type;
        var facts = Expression.Parameter(typeof(Facts), "facts");
        ExpressionScope Scope(IReadOnlySet<string> visibleScores, bool withTier)
        {
            var scope = new ExpressionScope(facts);
            if (missingIsNull)
            {
                var customer = input.Record;
                scope.AddNullable("customer", input.ParsedAs, customer.Type,
                    nameof(Facts.Customer), customer.Members, true)
                    .AddNullable("scores", scoresParsedAs, scores.Type, nameof(Facts.Scores), visibleScores, false);
            }
            else
            {
                scope.Add("customer", input.Record.Type, nameof(Facts.Customer), input.Record.Members)
                    .Add("scores", scores.Type, nameof(Facts.Scores), visibleScores);
            }

            scope.Add("params", parameters.Record.Type, nameof(Facts.Params), parameters.Record.Members)
                .Add("today", typeof(DateOnly), nameof(Facts.Today))
                .Add("asOf", typeof(DateTimeOffset), nameof(Facts.AsOf));
            return withTier ? scope.Add("tier", typeof(string), nameof(Facts.Tier)) : scope;
        }

        var labels = OperandLabels.Of(ruleSet);
        var scoreProbes = new List<Probe>();
        var compiledScores = ruleSet.Scores.Rules.Select((rule, i) =>
        {
            var scope = Scope(scoreNames.Take(i).ToHashSet(StringComparer.Ordinal), withTier: false);
            var evaluate = new ScoreCompiler(_expressions, scope, problems)
                .Compile(rule, $"scores.rules[{i}]", out var reads);
            scoreProbes.AddRange(evaluate is null ? []
                : rule.Table is { } table ? Probe.OfTable(table)
                : _expressions.Parsed(rule.Expression!, scope) is { } parsed
                    ? Probe.OfScore(parsed, new ConditionSplitter(scope, labels))
                : []);
            return evaluate is null
                ? null
                : new CompiledScore(rule.Name, evaluate, scores.Setter<decimal?>(rule.Name), reads);
        }).ToList();

        var beforeTier = Scope(scores.Members, withTier: false);
        var afterTier = Scope(scores.Members, withTier: true);
        var tiers = CompileTiers(ruleSet, new ConditionSplitter(beforeTier, labels), locale, problems);
        var split = new ConditionSplitter(afterTier, labels);
        var privileges = ruleSet.Privileges.Rules.Select((rule, i) =>
        {
            var path = $"privileges.rules[{i}].when";
            var when = _expressions.CompileCondition(rule.When, path, afterTier, problems, out _, out var missing);
            var outcome = new PrivilegeOutcome(rule.Code, rule.Label.In(ruleSet.Locale));
            return when is not { } condition
                ? null
                : new CompiledPrivilege(outcome, condition.Bound, split.Split(condition.Parsed), missing);
        }).ToList();
        var actions = ruleSet.NextActions.Rules.Select((rule, i) =>
        {
            var path = $"nextActions.rules[{i}]";
            var when = _expressions.CompileCondition(rule.When, path + ".when", afterTier,
                problems, out _, out var missing);
            var message = MessageTemplate.Parse(rule.Message, path + ".message", problems, _options, locale);
            return when is not { } condition || message is null
                ? null
                : new CompiledAction(
                    rule, rule.Title.In(ruleSet.Locale), condition.Bound,
                    split.Split(condition.Parsed), message, missing);
        }).ToList();

        if (problems.Count > 0)
        {
            return new CompilationResult(null, problems);
        }

        // A tier is reached by crossing its own comparisons or those of the scores it may read.
        var probes = tiers.Select(tier => (Probe[])[.. Probe.Of(tier!.Explained), .. scoreProbes]);
        var counterfactuals = new WhatItWouldTake(ruleSet, [.. probes], labels);
        return new CompilationResult(
            new CompiledRuleSet(ruleSet, zone, facts, input, parameters.Values, scores,
                [.. compiledScores!], [.. tiers!], [.. privileges!],
                [.. actions.Select(action => action!).OrderBy(action => action.Rule.Priority)],
                counterfactuals, _options),
            []);
    }

    private List<CompiledTier?> CompileTiers(
        RuleSet ruleSet, ConditionSplitter split, MessageCulture? locale, List<Problem> problems)
    {
        var tiers = new List<CompiledTier?>();
        int? catchAll = null;
        for (var i = 0; i < ruleSet.Tiers.Rules.Count; i++)
        {
            var rule = ruleSet.Tiers.Rules[i];
            var path = $"tiers.rules[{i}]";
            if (catchAll is not null)
            {
                var above = ruleSet.Tiers.Rules[catchAll.Value].Code;
                problems.Add(
                    new Problem(path + ".when", $"Unreachable: tier '{above}' above it matches every customer."));
            }

            var when = _expressions.CompileCondition(
                rule.When, path + ".when", split.Scope, problems, out var alwaysTrue, out var missing);
            catchAll ??= alwaysTrue ? i : null;
            var message = rule.Message is null
                ? null
                : MessageTemplate.Parse(rule.Message, path + ".message", problems, _options, locale);
            var (label, owner) = (rule.Label.In(ruleSet.Locale), rule.Owner?.In(ruleSet.Locale));
            tiers.Add(when is not { } condition
                ? null
                : new CompiledTier(
                    rule, condition.Bound, split.Split(condition.Parsed), label, owner, message, missing));
        }

        if (catchAll is null && ruleSet.Tiers.Rules.Count > 0)
        {
            problems.Add(new Problem($"tiers.rules[{ruleSet.Tiers.Rules.Count - 1}].when",
                "The last tier must match every customer (\"when\": \"true\"), so that every customer gets a tier."));
        }

        return tiers;
    }
}
