namespace Decisions.Engine;

/// <summary>
/// Limits that keep rule expressions and message templates bounded in time and memory, and validation within
/// a documented time: a rule set at every size limit below validates in about a second (see the README). Each
/// of the sections tiers, privileges and next actions holds at most 64 rules (one bit of a mask each).
/// </summary>
public sealed class DecisionEngineOptions
{
    /// <summary>Longest expression accepted, in characters.</summary>
    public int MaxExpressionLength { get; set; } = 2_000;

    /// <summary>Deepest bracket nesting accepted; far below the ~2,000 that overflow the parser's stack.</summary>
    public int MaxNestingDepth { get; set; } = 32;

    /// <summary>Most nodes in one parsed expression tree.</summary>
    public int MaxExpressionNodes { get; set; } = 500;

    /// <summary>
    /// Deepest nesting of lambdas (<c>x => ...</c>); with bounded lists it bounds the work of one expression.
    /// </summary>
    public int MaxLambdaDepth { get; set; } = 2;

    /// <summary>
    /// Most units of work in one decision, across all its expressions: each lambda call (<c>x => ...</c>), each
    /// element a list method visits, each character a text method reads. A decision that needs more fails with
    /// a rule error naming the rule.
    /// </summary>
    public long MaxEvaluationSteps { get; set; } = 100_000;

    /// <summary>
    /// Longest one decision's expressions may run; checked every few thousand steps, so a decision that passes
    /// it fails with a rule error naming the rule. Tellers' decisions take microseconds: this stops only abuse.
    /// </summary>
    public TimeSpan MaxEvaluationTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest <c>string[]</c> input accepted when the field sets no <c>maxItems</c>.</summary>
    public int DefaultMaxItems { get; set; } = 100;

    /// <summary>
    /// Most items in a <c>string[]</c> parameter. Expressions may visit a list once per element of another, so
    /// the evaluation budget, not this limit, bounds their work; this keeps rule sets reviewable and small.
    /// </summary>
    public int MaxListParameterItems { get; set; } = 1_000;

    /// <summary>Longest rule-set file, in characters; checked before it is parsed.</summary>
    public int MaxRuleSetLength { get; set; } = 1_000_000;

    /// <summary>Most input fields, and separately most parameters, in one rule set.</summary>
    public int MaxFields { get; set; } = 200;

    /// <summary>
    /// Most score rules in one rule set: each is compiled on its own and evaluated in every decision.
    /// </summary>
    public int MaxScoreRules { get; set; } = 100;

    /// <summary>Most rows in one points table: a lookup reads them in order.</summary>
    public int MaxTableRows { get; set; } = 100;

    /// <summary>Most embedded tests in one rule set: validation runs every one.</summary>
    public int MaxTests { get; set; } = 100;

    /// <summary>Longest message template, and longest rendered message, in characters.</summary>
    public int MaxMessageLength { get; set; } = 4_000;

    /// <summary>Most loop iterations in one template render.</summary>
    public int TemplateLoopLimit { get; set; } = 100;
}
