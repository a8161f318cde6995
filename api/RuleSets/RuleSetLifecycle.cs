using System.Text.Json;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Decisions.Engine.Validation;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Draft → submitted → approved → active. A version can be submitted only when it validates and its tests pass,
/// and <see cref="FourEyesPolicy"/> decides who may review it. Only drafts change; every step is one store write
/// together with its audit entry. Steps answer domain outcomes; the endpoints map failures to problems.
/// </summary>
public sealed partial class RuleSetLifecycle(
    IRuleSetStore store, IAuditTrail trail, RuleSetRegistry registry, RuleSetValidator validator, TimeProvider clock)
{
    public async Task<Outcome<RuleSetVersionRecord>> FindAsync(
        string name, int version, CancellationToken cancellationToken) =>
        await store.GetAsync(name, version, cancellationToken) is { } record
            ? record
            : new Failure.NotFound(Missing.Version, $"Rule set '{name}' has no version {version}.");

    public async Task<Outcome<RuleSetVersionRecord>> CreateDraftAsync(
        string name, RuleSet? content, int? from, string actor, CancellationToken cancellationToken)
    {
        var versions = (await store.ListAsync(cancellationToken)).Where(r => r.Name == name).ToList();
        string? provenance = null;
        if (content is null)
        {
            if (versions.FirstOrDefault(r => r.Version == from) is not { } source)
            {
                return new Failure.NotFound(Missing.Version, $"Rule set '{name}' has no version {from}.");
            }

            content = RuleSetJson.Parse(source.Json).RuleSet!;
            provenance = FourEyesPolicy.SourceComment(source.Version);
        }
        else if (content.Name != name)
        {
            return Invalid("The content is for another rule set.", "name", $"Expected '{name}', got '{content.Name}'.");
        }
        else if (versions.OrderBy(r => r.Version).FirstOrDefault(r => SameContent(r, content)) is { } identical)
        {
            // Content identical to a stored version's was written by that version's authors, whoever sends it.
            provenance = FourEyesPolicy.SourceComment(identical.Version) + " (identical content)";
        }

        var now = clock.GetUtcNow();
        var number = versions.Count == 0 ? 1 : versions.Max(r => r.Version) + 1;
        var record = Record(content with { Version = number, Author = actor, CreatedAt = now }, actor, now);
        return await SaveAsync(record, null, actor, AuditAction.DraftCreated, provenance, cancellationToken);
    }

    public async Task<Outcome<RuleSetVersionRecord>> UpdateDraftAsync(
        RuleSetVersionRecord current, RuleSet content, string? ifMatch, string actor,
        CancellationToken cancellationToken)
    {
        if (await StaleAsync(ifMatch, current, cancellationToken) is { } precondition)
        {
            return precondition;
        }

        if (current.Status != VersionStatus.Draft)
        {
            return new Failure.Conflict($"Version {current.Version} is {current.Status}: only drafts change.");
        }

        if (content.Name != current.Name || content.Version != current.Version)
        {
            var expected = $"Expected '{current.Name}' version {current.Version}.";
            return Invalid("The content does not match the draft.", "version", expected);
        }

        var kept = content with { Author = current.Author, CreatedAt = current.CreatedAt };
        var updated = Record(kept, current.Author, current.CreatedAt);
        return await SaveAsync(updated, current, actor, AuditAction.DraftUpdated, null, cancellationToken);
    }

    public ValidationReport Validate(RuleSetVersionRecord record) => validator.Validate(record.Json);

    public static JsonElement Content(RuleSetVersionRecord record) =>
        JsonSerializer.Deserialize<JsonElement>(record.Json);

    private static Failure.Invalid Invalid(string title, string path, string message) =>
        new(title, [new Problem(path, message)]);

    private async Task<Outcome<RuleSetVersionRecord>> SaveAsync(
        RuleSetVersionRecord record, RuleSetVersionRecord? expected, string actor, AuditAction action, string? comment,
        CancellationToken cancellationToken)
    {
        try
        {
            var audit = new AuditDraft(
                clock.GetUtcNow(), actor, action, record.Name, record.Version, record.Hash, comment);
            await store.SaveAsync(record, expected, audit, cancellationToken);
            return record;
        }
        catch (ConcurrencyException exception)
        {
            return new Failure.Conflict(exception.Message);
        }
    }

    private static bool SameContent(RuleSetVersionRecord stored, RuleSet content) =>
        RuleSetJson.Parse(stored.Json).RuleSet is { } ruleSet && Rules(ruleSet) == Rules(content);

    private static string Rules(RuleSet ruleSet) =>
        RuleSetJson.Hash(ruleSet with { Version = 0, Author = "", CreatedAt = default });

    private static RuleSetVersionRecord Record(RuleSet ruleSet, string author, DateTimeOffset createdAt) => new()
    {
        Name = ruleSet.Name,
        Version = ruleSet.Version,
        Status = VersionStatus.Draft,
        Json = RuleSetJson.Serialize(ruleSet with { Schema = null }),
        Hash = RuleSetJson.Hash(ruleSet),
        Author = author,
        CreatedAt = createdAt,
    };
}
