using Decisions.Api.RuleSets;
using Decisions.Engine.Serialization;

namespace Decisions.Api.Storage;

/// <summary>
/// Every stored version is what the trail says it is: its content hashes to its hash, its status and the people
/// it names are the trail's, an approved version holds exactly the content that was approved, and its reviewer
/// wrote none of it. Every version the trail records is stored.
/// </summary>
internal static class VersionVerifier
{
    public static ChainBreak? Verify(
        IReadOnlyList<RuleSetVersionRecord> versions, IReadOnlyList<AuditEntry> audit,
        IReadOnlyDictionary<(string Name, int Version), VersionHistory> histories)
    {
        foreach (var version in versions.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Version))
        {
            var history = histories.GetValueOrDefault((version.Name, version.Version));
            if (Check(version, history, audit, versions) is { } reason)
            {
                return new ChainBreak(Name(version.Name, version.Version), reason);
            }
        }

        var stored = versions.Select(v => (v.Name, v.Version)).ToHashSet();
        return histories.Where(h => !stored.Contains(h.Key)).OrderBy(h => h.Value.Entry).Select(h =>
            new ChainBreak(Name(h.Key.Name, h.Key.Version),
                $"The trail records it (audit #{h.Value.Entry}) but it is not stored.")).FirstOrDefault();
    }

    private static string Name(string name, int version) => $"rule set {name} v{version}";

    private static string? Check(
        RuleSetVersionRecord version, VersionHistory? history, IReadOnlyList<AuditEntry> audit,
        IReadOnlyList<RuleSetVersionRecord> versions)
    {
        var (parsed, _) = RuleSetJson.Parse(version.Json);
        if (parsed is null || !RuleSetJson.Matches(parsed, version.Hash))
        {
            return "Its content does not match its hash.";
        }

        if (history is null)
        {
            return "No entry of the trail records it.";
        }

        var said = $"(audit #{history.Entry})";
        return version.Status != history.Status
                ? $"Its status is {version.Status} but the trail says {history.Status} {said}."
            : version.Status == VersionStatus.Approved && version.Hash != history.ApprovedHash
                ? $"Its content is not the content approved at audit #{history.ApprovedEntry}."
            : version.Hash != history.Hash ? $"Its content does not match the hash recorded in the trail {said}."
            : Differs("author", version.Author, history.Author)
                ?? Differs("submitter", version.SubmittedBy, history.SubmittedBy)
                ?? Differs("reviewer", version.ReviewedBy, history.ReviewedBy)
                ?? FourEyes(version, history, audit, versions);
    }

    private static string? Differs(string role, string? stored, string? trail) =>
        trail is not null && stored != trail
            ? $"It names '{stored}' as its {role} but the trail says '{trail}'."
            : null;

    private static string? FourEyes(
        RuleSetVersionRecord version, VersionHistory history, IReadOnlyList<AuditEntry> audit,
        IReadOnlyList<RuleSetVersionRecord> versions) =>
        !history.Seeded && history.ReviewedBy is { } reviewer && FourEyesPolicy.Contributors(version, audit, versions)
            .Contains(reviewer)
            ? $"The trail says '{reviewer}' reviewed it, but '{reviewer}' wrote content of it: "
                + "four eyes were not applied."
            : null;
}
