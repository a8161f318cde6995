using System.Diagnostics;
using System.Linq.Expressions;
using System.Numerics;
using System.Text.Json;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// One rule-set version compiled to delegates: immutable, shared by every thread, evaluated many times.
/// A new version is a new object, so a decision always sees exactly one version.
/// </summary>
public sealed partial class CompiledRuleSet
{
    private const string ScoresSection = "scores";
    private const string TiersSection = "tiers";
    private const string PrivilegesSection = "privileges";
    private const string ActionsSection = "nextActions";

    private readonly TimeZoneInfo _zone;
    private readonly InputSchema _input;
    private readonly object _parameters;
    private readonly RecordType _scores;
    private readonly CompiledScore[] _scoreRules;
    private readonly CompiledTier[] _tiers;
    private readonly CompiledPrivilege[] _privileges;
    private readonly CompiledAction[] _actions;
    private readonly Section _tierSection;
    private readonly Section _privilegeSection;
    private readonly Section _actionSection;
    private readonly DecisionExplainer _explainer;
    private readonly WhatItWouldTake _counterfactuals;
    private readonly long _evaluationSteps;
    private readonly long _evaluationTicks;
    private readonly bool _missingIsNull;
    private readonly bool _messagesReadReasons;

    internal CompiledRuleSet(
        RuleSet definition, TimeZoneInfo zone, ParameterExpression facts, InputSchema input,
        object parameters, RecordType scores,
        CompiledScore[] scoreRules, CompiledTier[] tiers, CompiledPrivilege[] privileges, CompiledAction[] actions,
        WhatItWouldTake counterfactuals, DecisionEngineOptions options)
    {
        _evaluationSteps = options.MaxEvaluationSteps;
        _evaluationTicks = (long)(options.MaxEvaluationTime.TotalSeconds * Stopwatch.Frequency);
        Definition = definition;
        _missingIsNull = Model.RuleSetFormat.HasMissingValues(definition);
        Ref = new RuleSetRef(definition.Name, definition.Version, Serialization.RuleSetJson.Hash(definition));
        _zone = zone;
        _input = input;
        _parameters = parameters;
        _scores = scores;
        _scoreRules = scoreRules;
        _tiers = tiers;
        _privileges = privileges;
        _actions = actions;
        _tierSection = new Section(TiersSection, [.. tiers.Select(t => t.Rule.Code)],
            new ConditionSet([.. tiers.Select(t => t.When)], facts, firstMatchOnly: true));
        _privilegeSection = new Section(PrivilegesSection, [.. privileges.Select(p => p.Outcome.Code)],
            new ConditionSet([.. privileges.Select(p => p.When)], facts, firstMatchOnly: false));
        _actionSection = new Section(ActionsSection, [.. actions.Select(a => a.Rule.Code)],
            new ConditionSet([.. actions.Select(a => a.When)], facts, firstMatchOnly: false));
        _counterfactuals = counterfactuals;
        _messagesReadReasons = tiers.Any(t => t.Message?.ReadsReasons == true)
            || actions.Any(a => a.Message.ReadsReasons);
        _explainer = new DecisionExplainer(
            [.. tiers.Select(t => new ExplainedRule(t.Rule.Code, t.Explained))],
            [.. privileges.Select(p => new ExplainedRule(p.Outcome.Code, p.Explained))],
            [.. actions.Select(a => new ExplainedRule(a.Rule.Code, a.Explained))]);
    }

    /// <summary>The rule set as written.</summary>
    public RuleSet Definition { get; }

    /// <summary>Name, version and content hash, recorded with every decision.</summary>
    public RuleSetRef Ref { get; private set; }

    /// <summary>The class emitted for this version's customer input; it lives as long as this object.</summary>
    internal Type InputType => _input.Record.Type;

    /// <summary>
    /// Decides for <paramref name="customer"/> at <paramref name="asOf"/>. The same version, input and time
    /// give the same decision, byte for byte, on any machine and culture.
    /// </summary>
    public DecisionResult Evaluate(JsonElement customer, DateTimeOffset asOf) =>
        Evaluate(customer, asOf, CancellationToken.None);

    /// <summary>
    /// Decides as <see cref="Evaluate(JsonElement, DateTimeOffset)"/> does, and stops with a rule error when the
    /// decision runs out of <see cref="DecisionEngineOptions.MaxEvaluationSteps"/>, passes
    /// <see cref="DecisionEngineOptions.MaxEvaluationTime"/> or <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public DecisionResult Evaluate(JsonElement customer, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        Evaluate(customer, asOf, ExplainLevel.Reasons, cancellationToken);

    /// <summary>
    /// Decides as <see cref="Evaluate(JsonElement, DateTimeOffset, CancellationToken)"/> does, explained to
    /// <paramref name="level"/>. The level never changes what is decided, only what the decision carries.
    /// </summary>
    public DecisionResult Evaluate(
        JsonElement customer, DateTimeOffset asOf, ExplainLevel level, CancellationToken cancellationToken)
    {
        if (Definition.Effective is { } window && !window.Contains(asOf))
        {
            return DecisionResult.Failed(DecisionFailure.NotEffective,
                [new Problem("asOf", $"Version {Ref.Version} of '{Ref.Name}' is not effective at {asOf:O}.")]);
        }

        var problems = new List<Problem>();
        var absent = _missingIsNull ? new List<string>() : null;
        var customerRecord = _input.Bind(customer, problems, absent);
        if (customerRecord is null)
        {
            return DecisionResult.Failed(DecisionFailure.InvalidInput, problems);
        }

        var facts = new Facts
        {
            Customer = customerRecord,
            Params = _parameters,
            Scores = _scores.New(),
            AsOf = asOf,
            Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(asOf, _zone).DateTime),
        };
        facts.Budget(_evaluationSteps, Stopwatch.GetTimestamp() + _evaluationTicks, cancellationToken);
        var trace = new List<TraceEntry>(_scoreRules.Length + _tiers.Length + _privileges.Length + _actions.Length);
        var scores = ComputeScores(facts, trace, problems);
        var tierIndex = problems.Count == 0 ? _tierSection.FirstMatch(facts, trace, problems) : -1;
        if (tierIndex < 0)
        {
            if (problems.Count == 0)
            {
                problems.Add(new Problem(TiersSection, "No tier matched."));
            }

            return DecisionResult.Failed(DecisionFailure.RuleError, problems, trace);
        }

        var tier = _tiers[tierIndex];
        facts.Tier = tier.Rule.Code;
        var granted = _privilegeSection.AllMatches(facts, trace, problems);
        var matched = _actionSection.AllMatches(facts, trace, problems);
        if (problems.Count > 0)
        {
            return DecisionResult.Failed(DecisionFailure.RuleError, problems, trace);
        }

        var privileges = new List<PrivilegeOutcome>(BitOperations.PopCount(granted));
        for (var bits = granted; bits != 0; bits &= bits - 1)
        {
            privileges.Add(_privileges[BitOperations.TrailingZeroCount(bits)].Outcome);
        }

        var missing = absent is null ? null : MissingInputs(facts, absent, scores, tierIndex, granted, matched);
        var next = matched == 0 ? -1 : BitOperations.TrailingZeroCount(matched);

        // Templates that read the reasons get them before rendering, explained on a budget of their own; the
        // decision's own budget is put back for the messages, so reading reasons never changes what is decided.
        var early = level != ExplainLevel.None && _messagesReadReasons
            ? ReasonsApart(facts, tierIndex, granted, next, cancellationToken)
            : null;
        var result = Finish(facts, tier, privileges, matched, scores, trace, missing, early);
        if (level == ExplainLevel.None || result.Decision is not { } decision)
        {
            return result;
        }

        // Explaining reads parts the decision never reached (the other branches of an OR that held): it gets a budget
        // of its own, so that it can never fail or change the decision; a part it cannot afford is left out.
        facts.Budget(_evaluationSteps, Stopwatch.GetTimestamp() + _evaluationTicks, cancellationToken);
        decision = decision with { Reasons = early ?? _explainer.Reasons(facts, tierIndex, granted, next) };
        return DecisionResult.Success(
            level < ExplainLevel.Full
                ? decision
                : Explain(decision, facts, tierIndex, customer, level, cancellationToken));
    }

    private Dictionary<string, decimal> ComputeScores(Facts facts, List<TraceEntry> trace, List<Problem> problems)
    {
        var scores = new Dictionary<string, decimal>(_scoreRules.Length, StringComparer.Ordinal);
        foreach (var score in _scoreRules)
        {
            try
            {
                // Null only with format 2: the score is unknown, left out of the scores, and not matched.
                var value = score.Evaluate(facts);
                score.Store(facts.Scores, value);
                if (value is { } known)
                {
                    scores[score.Name] = known;
                }

                trace.Add(new TraceEntry(ScoresSection, score.Name, value is not null, value));
            }
            catch (Exception exception) when (IsRuleError(exception))
            {
                Failed(ScoresSection, score.Name, exception, trace, problems);
            }
        }

        return scores;
    }

    private IReadOnlyList<Reason> ReasonsApart(
        Facts facts, int tierIndex, ulong granted, int next, CancellationToken cancellationToken)
    {
        var left = facts.Remaining();
        facts.Budget(_evaluationSteps, Stopwatch.GetTimestamp() + _evaluationTicks, cancellationToken);
        try
        {
            return _explainer.Reasons(facts, tierIndex, granted, next);
        }
        finally
        {
            facts.Restore(left);
        }
    }

    private DecisionResult Finish(
        Facts facts, CompiledTier tier, List<PrivilegeOutcome> privileges, ulong matched,
        Dictionary<string, decimal> scores, List<TraceEntry> trace, IReadOnlyList<string>? missing,
        IReadOnlyList<Reason>? reasons)
    {
        var tierOutcome = new TierOutcome(tier.Rule.Code, tier.Label, tier.Rule.Label, tier.Owner, null);
        var rendering = $"{TiersSection}.{tier.Rule.Code}";
        try
        {
            var model = new MessageModel(facts, tierOutcome, privileges, scores, WithUnknown(scores), reasons);
            if (tier.Message is not null)
            {
                tierOutcome = tierOutcome with { Message = tier.Message.Render(model) };
            }

            // The actions were sorted by priority at compile time, ties in file order: the first match wins.
            ActionOutcome? next = null;
            var alternatives = new List<ActionOutcome>(Math.Max(0, BitOperations.PopCount(matched) - 1));
            for (var bits = matched; bits != 0; bits &= bits - 1)
            {
                var action = _actions[BitOperations.TrailingZeroCount(bits)];
                if (next is null)
                {
                    rendering = $"{ActionsSection}.{action.Rule.Code}";
                    next = new ActionOutcome(action.Rule.Code, action.Title, action.Rule.Priority,
                        action.Message.Render(model));
                }
                else
                {
                    alternatives.Add(new ActionOutcome(action.Rule.Code, action.Title, action.Rule.Priority, null));
                }
            }

            return DecisionResult.Success(
                new Decision(Ref, facts.AsOf, tierOutcome, privileges, next, alternatives, scores, trace, missing));
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException
            or InvalidOperationException or ArgumentException)
        {
            var problem = new Problem(rendering, "A message template failed: " + exception.Message);
            return DecisionResult.Failed(DecisionFailure.RuleError, [problem], trace);
        }
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is a rule failing for this input, not a fault of the engine.
    /// </summary>
    internal static bool IsRuleError(Exception exception) =>
        exception is NullReferenceException or ArithmeticException or InvalidOperationException
            or IndexOutOfRangeException or ArgumentException;

    private static void Failed(string section, string rule, Exception exception,
        List<TraceEntry> trace, List<Problem> problems)
    {
        // A rule that cannot be evaluated fails the decision: a wrong entitlement is worse than none.
        var error = exception is NullReferenceException
            ? "A value the rule reads is absent (null)."
            : exception.Message;
        trace.Add(new TraceEntry(section, rule, false, null, error));
        problems.Add(new Problem($"{section}.{rule}", error));
    }
}
