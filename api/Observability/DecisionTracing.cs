using System.Diagnostics;

namespace Decisions.Api.Observability;

/// <summary>
/// The service's spans (activity source <c>Decisions</c>). A decision is <c>decisions.decide</c> under the request's
/// server span, with <c>decisions.evaluate</c> and <c>decision_log.append</c> (the wait for its block) below it; the
/// writer's <c>decision_log.commit</c> is a trace of its own that links every decision in its block. Rule-set changes
/// are <c>rulesets.{step}</c>. <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> answers null while
/// nothing listens (no exporter configured, no test listener), so an untraced decision creates no span at all.
/// </summary>
public static class DecisionTracing
{
    public const string SourceName = "Decisions";

    public const string RuleSet = "decisions.rule_set";
    public const string Version = "decisions.rule_set.version";
    public const string Tier = "decisions.tier";
    public const string DecisionId = "decisions.decision_id";
    public const string Customers = "decisions.batch.customers";
    public const string Caller = "decisions.caller";
    public const string Sequence = "decision_log.sequence";
    public const string BlockSize = "decision_log.block.size";
    public const string BlockFirst = "decision_log.block.first";

    public static readonly ActivitySource Source =
        new(SourceName, typeof(DecisionTracing).Assembly.GetName().Version?.ToString());

    /// <summary>The trace a logged decision records: the current one's id, or null outside any trace.</summary>
    public static string? CurrentTraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;

    /// <summary>
    /// Marks <paramref name="activity"/> failed with <paramref name="reason"/>; nothing when untraced.
    /// </summary>
    public static void Failed(this Activity? activity, string reason) =>
        activity?.SetStatus(ActivityStatusCode.Error, reason);
}
