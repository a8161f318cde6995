namespace Decisions.Api.RuleSets;

/// <summary>
/// How a version would have decided the customers of a period differently, each by their latest decision.
/// </summary>
/// <param name="RuleSet">The rule set.</param>
/// <param name="Version">The version that re-decided them.</param>
/// <param name="Decisions">How many logged decisions of the period were read.</param>
/// <param name="Customers">How many customers were re-decided: each by their latest decision in the period.</param>
/// <param name="Changed">
/// Customers whose answer would change; null when suppressed (fewer than <paramref name="SuppressedBelow"/>).
/// </param>
/// <param name="Failed">
/// Customers whose latest decision could not be re-decided, and unreadable decisions; null when suppressed.
/// </param>
/// <param name="Erased">
/// Of the decisions read, those whose personal data was erased: skipped, since they cannot be re-decided; null when
/// suppressed.
/// </param>
/// <param name="TierMigrations">Customers from one tier to another (or the same).</param>
/// <param name="PrivilegesGained">Customers per privilege code.</param>
/// <param name="PrivilegesLost">Customers per privilege code.</param>
/// <param name="ActionChanges">Customers from one next action to another.</param>
/// <param name="FailedSamples">Up to five of their decision ids, only for roles that may read decisions.</param>
/// <param name="From">The start of the period read.</param>
/// <param name="To">Its end (excluded); null when the period runs up to the run's start.</param>
/// <param name="ActiveVersion">The version in force when the run started, what the candidate is compared with.</param>
/// <param name="ComparedWithActive">
/// Customers whose latest decision was made by another version than the active one: their "before" is what the active
/// version decides for the same input and time, not the logged answer, so that only this version's changes count;
/// null when suppressed.
/// </param>
/// <param name="SuppressedBelow">
/// Set for roles that may not read decisions: every count under it is null, so that no answer singles out a customer.
/// </param>
public sealed record ImpactReport(
    string RuleSet, int Version, int Decisions, int Customers, int? Changed, int? Failed, int? Erased,
    IReadOnlyList<ImpactCell> TierMigrations, IReadOnlyList<ImpactCell> PrivilegesGained,
    IReadOnlyList<ImpactCell> PrivilegesLost, IReadOnlyList<ImpactCell> ActionChanges,
    IReadOnlyList<string> FailedSamples, DateTimeOffset From, DateTimeOffset? To,
    int? ActiveVersion, int? ComparedWithActive, int? SuppressedBelow = null);

/// <summary>
/// One cell: from → to, how many customers, and up to five samples. A privilege's cell has its code as both
/// <paramref name="From"/> and <paramref name="To"/>: one cell per privilege gained or lost, each customer counted once.
/// </summary>
/// <param name="From">The tier, action or privilege before.</param>
/// <param name="To">The one after.</param>
/// <param name="Count">How many customers; null when <paramref name="Suppressed"/>.</param>
/// <param name="Samples">Up to five decision ids, only for roles that may open them.</param>
/// <param name="Examples">The same decisions with their customer and time, each a different customer.</param>
/// <param name="Suppressed">True when the count is under the report's <c>suppressedBelow</c> and is not shown.</param>
public sealed record ImpactCell(
    string From, string To, int? Count, IReadOnlyList<string> Samples, IReadOnlyList<ImpactSample> Examples,
    bool Suppressed = false);

/// <summary>A sample decision of a cell, as a person tells it apart: its customer and when it was decided.</summary>
public sealed record ImpactSample(string DecisionId, string? CustomerId, DateTimeOffset DecidedAt);

/// <summary>The decisions an impact run reads: of a rule set, decided in [From, To), To null for "until now".</summary>
public sealed record ImpactPeriod(string RuleSet, DateTimeOffset From, DateTimeOffset? To);
