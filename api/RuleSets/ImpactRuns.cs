using System.Security.Claims;
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
/// Runs an impact analysis for a user: over the log a page at a time (<see cref="AnalysisLimitOptions.PageSize"/>),
/// and within what the user's role may see of customers (<see cref="ImpactPrivacy"/>).
/// </summary>
public sealed class ImpactRuns(
    IDecisionLog log, IAuthorizationService authorization, IOptions<AnalysisLimitOptions> limits,
    IOptions<PrivacyOptions> privacy)
{
    public const string Description =
        "Re-decides the last `last` logged decisions of the rule set with this version. At most "
        + "`Limits:Analysis:RunsPerKey` runs per key and `Limits:Analysis:RunsInAll` in all go at once; another answers 429 "
        + "with Retry-After. For roles that may not read decisions (editor), counts under `Privacy:MinimumCount` "
        + "(default 10) are null with `suppressed: true`, `suppressedBelow` says the threshold, no decision ids are shown, "
        + "and a version whose expressions read an identifying customer field (customerId, *Id, *name) is refused "
        + "with 422 naming each rule path.";

    public async Task<Outcome<ImpactReport>> RunAsync(
        RuleSetVersionRecord record, CompiledRuleSet compiled, int last, ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var mayReadDecisions = (await authorization.AuthorizeAsync(user, Roles.Audit)).Succeeded;
        var ruleSet = RuleSetJson.Parse(record.Json).RuleSet!;
        if (!mayReadDecisions && ImpactPrivacy.IdentifyingReads(ruleSet) is [_, ..] reads)
        {
            return new Failure.Invalid(
                "The version reads identifying customer fields; its impact is not shown to this role.", reads);
        }

        var query = new DecisionQuery(RuleSet: record.Name, Limit: last);
        var pages = log.PagesAsync(query, limits.Value.PageSize, cancellationToken);
        var report = await ImpactAnalysis.RunAsync(compiled, pages, cancellationToken);
        return mayReadDecisions ? report : ImpactPrivacy.Suppress(report, privacy.Value.MinimumCount, ruleSet);
    }
}
