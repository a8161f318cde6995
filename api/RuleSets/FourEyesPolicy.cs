using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Four eyes: nobody who wrote any of a version's content reviews it. A version's content was written by its
/// author, by whoever created, edited or submitted it and, when it was started from another version, by
/// everyone who wrote that version's content, transitively. The source of a copy is read from its
/// draft-created entry in the trail, which the hash chain protects (trails written before this rule already
/// carry it, so older copies are covered too).
/// </summary>
public static partial class FourEyesPolicy
{
    private static readonly FrozenSet<AuditAction> Contributions =
        FrozenSet.Create(AuditAction.DraftCreated, AuditAction.DraftUpdated, AuditAction.Submitted);

    /// <summary>Whether the actor of an entry with this action wrote content of its version.</summary>
    public static bool Contributes(AuditAction action) => Contributions.Contains(action);

    /// <summary>The draft-created comment that records where a copy's content came from.</summary>
    public static string SourceComment(int source) => $"From version {source}";

    /// <summary>The version a draft's content was copied from, as its draft-created entry records it.</summary>
    public static int? Source(AuditEntry entry) =>
        AuditActions.Parse(entry.Action) == AuditAction.DraftCreated
        && entry.Comment is { } comment && SourcePattern().Match(comment) is { Success: true } match
            ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture)
            : null;

    /// <summary>Everyone who wrote content of <paramref name="version"/>, following copies to their sources.</summary>
    public static IReadOnlySet<string> Contributors(
        RuleSetVersionRecord version, IEnumerable<AuditEntry> trail, IEnumerable<RuleSetVersionRecord> versions)
    {
        var entries = trail.Where(e => e.RuleSet == version.Name && e.Version is not null)
            .ToLookup(e => e.Version.GetValueOrDefault());
        var authors = versions.Where(v => v.Name == version.Name).ToDictionary(v => v.Version, v => v.Author);
        var contributors = new HashSet<string>(StringComparer.Ordinal) { version.Author };
        var seen = new HashSet<int>();
        var pending = new Stack<int>([version.Version]);
        while (pending.TryPop(out var number))
        {
            if (!seen.Add(number))
            {
                continue;
            }

            if (authors.TryGetValue(number, out var author))
            {
                contributors.Add(author);
            }

            foreach (var entry in entries[number])
            {
                if (AuditActions.Parse(entry.Action) is { } action && Contributes(action))
                {
                    contributors.Add(entry.Actor);
                }

                if (Source(entry) is { } source)
                {
                    pending.Push(source);
                }
            }
        }

        return contributors;
    }

    /// <summary>Null when <paramref name="actor"/> may review <paramref name="version"/>; otherwise why not.</summary>
    public static Failure? Review(
        string actor, RuleSetVersionRecord version, IEnumerable<AuditEntry> trail,
        IEnumerable<RuleSetVersionRecord> versions) =>
        Contributors(version, trail, versions).Contains(actor)
            ? new Failure.FourEyes(
                $"Four eyes: '{actor}' wrote, edited or submitted content of version {version.Version} "
                + "(or of a version it was copied from) and cannot review it.")
            : null;

    [GeneratedRegex(@"^From version (\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}
