namespace Decisions.Engine.Model;

/// <summary>Why an evaluation produced no decision.</summary>
public enum DecisionFailure
{
    /// <summary>The customer input breaks the rule set's input schema; nothing was evaluated.</summary>
    InvalidInput,

    /// <summary>The decision time is outside the version's effective window.</summary>
    NotEffective,

    /// <summary>A rule or template failed at evaluation; a wrong answer is worse than none.</summary>
    RuleError,
}

/// <summary>Either a <see cref="Decision"/>, or the failure with every problem found and the trace so far.</summary>
public sealed record DecisionResult
{
    private DecisionResult(Decision? decision, DecisionFailure? failure, IReadOnlyList<Problem> problems,
        IReadOnlyList<TraceEntry> trace)
    {
        Decision = decision;
        Failure = failure;
        Problems = problems;
        Trace = trace;
    }

    public Decision? Decision { get; }

    public DecisionFailure? Failure { get; }

    public IReadOnlyList<Problem> Problems { get; }

    public IReadOnlyList<TraceEntry> Trace { get; }

    public bool Succeeded => Decision is not null;

    public static DecisionResult Success(Decision decision) => new(decision, null, [], decision.Trace);

    public static DecisionResult Failed(DecisionFailure failure, IReadOnlyList<Problem> problems,
        IReadOnlyList<TraceEntry>? trace = null) =>
        new(null, failure, problems, trace ?? []);
}
