namespace Decisions.Api.Outcomes;

/// <summary>What a <see cref="Failure.NotFound"/> did not find: each is a problem type of its own.</summary>
public enum Missing
{
    /// <summary>No rule set of the name is in force.</summary>
    RuleSet,

    /// <summary>The rule set has no such version, or no such published one.</summary>
    Version,

    /// <summary>The rule set has no activation with the sequence number.</summary>
    Activation,

    /// <summary>The decision log holds no decision with the id.</summary>
    Decision,

    /// <summary>The key started no analysis run with the id.</summary>
    AnalysisRun,
}
