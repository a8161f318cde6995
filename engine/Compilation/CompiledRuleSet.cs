using System.Text.Json;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

/// <summary>
/// One rule-set version compiled to delegates: immutable, shared by every thread, evaluated many times.
/// A new version is a new object, so a decision always sees exactly one version.
/// </summary>
public sealed class CompiledRuleSet
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

    internal CompiledRuleSet(
        RuleSet definition, TimeZoneInfo zone, InputSchema input, object parameters, RecordType scores,
        CompiledScore[] scoreRules, CompiledTier[] tiers, CompiledPrivilege[] privileges, CompiledAction[] actions)
    {
        Definition = definition;
        Ref = new RuleSetRef(definition.Name, definition.Version, Serialization.RuleSetJson.Hash(definition));
        _zone = zone;
        _input = input;
        _parameters = parameters;
        _scores = scores;
        _scoreRules = scoreRules;
        _tiers = tiers;
        _privileges = privileges;
        _actions = actions;
    }

    /// <summary>The rule set as written.</summary>
    public RuleSet Definition { get; }

    /// <summary>Name, version and content hash, recorded with every decision.</summary>
    public RuleSetRef Ref { get; }

    /// <summary>
    /// Decides for <paramref name="customer"/> at <paramref name="asOf"/>. The same version, input and time
    /// give the same decision, byte for byte, on any machine and culture.
    /// </summary>
    public DecisionResult Evaluate(JsonElement customer, DateTimeOffset asOf)
    {
        if (Definition.Effective is { } window && !window.Contains(asOf))
        {
            return DecisionResult.Failed(DecisionFailure.NotEffective, [new Problem("asOf", $"Version {Ref.Version} of '{Ref.Name}' is not effective at {asOf:O}.")]);
        }

        var problems = new List<Problem>();
        var customerRecord = _input.Bind(customer, problems);
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
        var trace = new List<TraceEntry>(_scoreRules.Length + _tiers.Length + _privileges.Length + _actions.Length);
        var scores = new Dictionary<string, decimal>(_scoreRules.Length, StringComparer.Ordinal);
        foreach (var score in _scoreRules)
        {
            if (Try(score.Evaluate, facts, ScoresSection, score.Name, trace, problems, out var value))
            {
                score.Store(facts.Scores, value);
                scores[score.Name] = value;
                trace.Add(new TraceEntry(ScoresSection, score.Name, true, value));
            }
        }

        var tier = problems.Count == 0 ? DecideTier(facts, trace, problems) : null;
        if (tier is null)
        {
            return DecisionResult.Failed(DecisionFailure.RuleError, problems, trace);
        }

        facts.Tier = tier.Rule.Code;
        var privileges = new List<PrivilegeOutcome>();
        foreach (var privilege in _privileges)
        {
            if (Matches(privilege.When, facts, PrivilegesSection, privilege.Outcome.Code, trace, problems))
            {
                privileges.Add(privilege.Outcome);
            }
        }

        var matched = new List<CompiledAction>();
        foreach (var action in _actions)
        {
            if (Matches(action.When, facts, ActionsSection, action.Rule.Code, trace, problems))
            {
                matched.Add(action);
            }
        }

        if (problems.Count > 0)
        {
            return DecisionResult.Failed(DecisionFailure.RuleError, problems, trace);
        }

        return Finish(facts, tier, privileges, matched, scores, trace);
    }

    private CompiledTier? DecideTier(Facts facts, List<TraceEntry> trace, List<Problem> problems)
    {
        foreach (var tier in _tiers)
        {
            if (Matches(tier.When, facts, TiersSection, tier.Rule.Code, trace, problems))
            {
                return tier;
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new Problem(TiersSection, "No tier matched."));
        }

        return null;
    }

    private DecisionResult Finish(
        Facts facts, CompiledTier tier, List<PrivilegeOutcome> privileges, List<CompiledAction> matched,
        Dictionary<string, decimal> scores, List<TraceEntry> trace)
    {
        // The actions were sorted by priority at compile time, ties in file order: the first match wins.
        var tierOutcome = new TierOutcome(tier.Rule.Code, tier.Label, tier.Rule.Label, tier.Owner, null);
        try
        {
            var model = new MessageModel(facts, tierOutcome, privileges, scores);
            if (tier.Message is not null)
            {
                tierOutcome = tierOutcome with { Message = tier.Message.Render(model) };
            }

            var next = matched.Count == 0 ? null : Outcome(matched[0], matched[0].Message.Render(model));
            var alternatives = new List<ActionOutcome>(Math.Max(0, matched.Count - 1));
            for (var i = 1; i < matched.Count; i++)
            {
                alternatives.Add(Outcome(matched[i], null));
            }

            return DecisionResult.Success(new Decision(Ref, facts.AsOf, tierOutcome, privileges, next, alternatives, scores, trace));
        }
        catch (Exception exception) when (exception is Scriban.Syntax.ScriptRuntimeException or InvalidOperationException or ArgumentException)
        {
            return DecisionResult.Failed(DecisionFailure.RuleError, [new Problem(ActionsSection, "A message template failed: " + exception.Message)], trace);
        }
    }

    private static ActionOutcome Outcome(CompiledAction action, string? message) =>
        new(action.Rule.Code, action.Title, action.Rule.Priority, message);

    private static bool Matches(Func<Facts, bool> when, Facts facts, string section, string rule, List<TraceEntry> trace, List<Problem> problems)
    {
        if (!Try(when, facts, section, rule, trace, problems, out var matched))
        {
            return false;
        }

        trace.Add(new TraceEntry(section, rule, matched));
        return matched;
    }

    private static bool Try<T>(Func<Facts, T> rule, Facts facts, string section, string name, List<TraceEntry> trace, List<Problem> problems, out T value)
    {
        try
        {
            value = rule(facts);
            return true;
        }
        catch (Exception exception) when (exception is NullReferenceException or ArithmeticException or InvalidOperationException or IndexOutOfRangeException or ArgumentException)
        {
            // A rule that cannot be evaluated fails the decision: a wrong entitlement is worse than none.
            var error = exception is NullReferenceException ? "A value the rule reads is absent (null)." : exception.Message;
            trace.Add(new TraceEntry(section, name, false, null, error));
            problems.Add(new Problem($"{section}.{name}", error));
            value = default!;
            return false;
        }
    }
}
