using Decisions.Api.Outcomes;
using Decisions.Api.Storage;

namespace Decisions.Api.RuleSets;

/// <summary>
/// A version's entity tag: its content hash, quoted. <c>If-Match</c> is compared strongly (RFC 9110 13.1.1):
/// it matches when it lists this tag or is <c>*</c>; anything else, a malformed value included, does not.
/// </summary>
public static class VersionTag
{
    public static string Of(RuleSetVersionRecord record) => $"\"{record.Hash}\"";

    public static bool Matches(string ifMatch, RuleSetVersionRecord record) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag == Of(record));

    /// <summary>Null when there is no <c>If-Match</c> or it matches; otherwise the precondition that failed.</summary>
    public static Failure.PreconditionFailed? Check(string? ifMatch, RuleSetVersionRecord record) =>
        ifMatch is null || Matches(ifMatch, record)
            ? null
            : new Failure.PreconditionFailed(
                $"If-Match does not name the current content of version {record.Version} of '{record.Name}' "
                + $"(its ETag is {Of(record)}): it changed since it was read. Read it again.");
}
