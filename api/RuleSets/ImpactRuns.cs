using System.Security.Claims;
using Decisions.Api.Analysis;
using Decisions.Api.Auth;
using Decisions.Api.Limits;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;
using Decisions.Engine.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Prepares an impact analysis for a user: over the period's log, streamed (<see cref="ImpactAnalysis"/>), and
/// within what the user's role may see of customers (<see cref="ImpactPrivacy"/>).
/// </summary>
public sealed class ImpactRuns(
    IDecisionLog log, IAuthorizationService authorization, IOptions<AnalysisLimitOptions> limits,
    IOptions<PrivacyOptions> privacy, TimeProvider clock, RuleSetRegistry registry, IRuleSetStore store)
{
    /// <summary>The period read when the request names no start.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(90);

    public const string Description =
        "Re-decides, with this version, the customers whose decisions of the rule set were logged in [`from`, `to`) "
        + "(default: the last 90 days up to now), each by their latest decision in the period; a decision without a "
        + "customer id counts as a customer of its own. `last` stops after that many customers, the most recently "
        + "decided. Counts are customers. What a customer had before is what the version active now decides for the "
        + "same input and time: the logged answer when that version made it, else re-decided by it "
        + "(`comparedWithActive` counts those), so a copy of the active version changes nobody. At most "
        + "`Limits:Analysis:RunsPerKey` runs per key and `Limits:Analysis:RunsInAll` in all go at once; another "
        + "answers 429 with Retry-After. For roles that may not read decisions (editor), counts under "
        + "`Privacy:MinimumCount` (default 10) are null with `suppressed: true`, `suppressedBelow` says the "
        + "threshold, no decision ids are shown, and a version whose expressions read an identifying customer "
        + "field (customerId, *Id, *name) is refused with 422 naming each rule path.";

    /// <summary>The run for this user, not started, or why the user may not run it.</summary>
    public async Task<Outcome<ImpactRun>> PrepareAsync(
        RuleSetVersionRecord record, CompiledRuleSet compiled, ImpactRequest request, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var mayReadDecisions = (await authorization.AuthorizeAsync(user, Roles.Audit)).Succeeded;
        var ruleSet = RuleSetJson.Parse(record.Json).RuleSet!;
        if (!mayReadDecisions && ImpactPrivacy.IdentifyingReads(ruleSet) is [_, ..] reads)
        {
            return new Failure.Invalid(
                "The version reads identifying customer fields; its impact is not shown to this role.", reads);
        }

        var now = clock.GetUtcNow();
        var active = await ActiveAsync(record.Name, now, cancellationToken);
        var period = new ImpactPeriod(record.Name, request.From ?? now - DefaultPeriod, request.To);
        var progress = new AnalysisProgress();
        var minimum = privacy.Value.MinimumCount;
        // The run outlives the request that prepared it: it stops by its own token.
        return new ImpactRun(progress, async running =>
        {
            var query = new DecisionQuery(
                RuleSet: period.RuleSet,
                From: period.From,
                To: period.To,
                Limit: int.MaxValue,
                CheckPayload: false);
            progress.Ends(await log.FirstSequenceAsync(period.From, running));
            var pages = log.PagesAsync(query, limits.Value.PageSize, running);
            var report = await ImpactAnalysis.RunAsync(
                compiled, active, pages, period, request.Last ?? long.MaxValue, progress, running);
            return mayReadDecisions ? report : ImpactPrivacy.Suppress(report, minimum, ruleSet);
        });
    }

    /// <summary>The version in force now, compiled: what the candidate would replace.</summary>
    private async Task<CompiledRuleSet?> ActiveAsync(
        string name, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (registry.ActiveAt(name, now)?.Version is not { } version)
        {
            return null;
        }

        var record = registry.Published(name, version) ?? await store.GetAsync(name, version, cancellationToken);
        return record is null ? null : registry.Compile(record);
    }
}

/// <summary>
/// An impact analysis ready to run, with the progress it reports; it holds no request-scoped service.
/// </summary>
public sealed record ImpactRun(AnalysisProgress Progress, Func<CancellationToken, Task<ImpactReport>> RunAsync);
