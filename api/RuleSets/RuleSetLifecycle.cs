using System.Text.Json;
using Decisions.Api.Errors;
using Decisions.Api.Storage;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;
using Decisions.Engine.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Draft → submitted → approved → active, and where four-eyes is enforced: a version can be submitted only
/// when it validates and its tests pass, and nobody who wrote, edited or submitted it may approve it.
/// Only drafts change; every step is one store write together with its audit entry.
/// </summary>
public sealed class RuleSetLifecycle(IRuleSetStore store, IAuditTrail trail, RuleSetRegistry registry, RuleSetValidator validator, TimeProvider clock)
{
    private static readonly HashSet<string> Contributions = new(StringComparer.Ordinal) { "draft-created", "draft-updated", "submitted" };

    public async Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)> FindAsync(string name, int version, CancellationToken cancellationToken) =>
        await store.GetAsync(name, version, cancellationToken) is { } record
            ? (record, null)
            : (null, Problems.NotFound($"Rule set '{name}' has no version {version}."));

    public async Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)> CreateDraftAsync(string name, RuleSet? content, int? from, string actor, CancellationToken cancellationToken)
    {
        var versions = (await store.ListAsync(cancellationToken)).Where(r => r.Name == name).ToList();
        if (content is null)
        {
            var source = versions.FirstOrDefault(r => r.Version == from);
            if (source is null)
            {
                return (null, Problems.NotFound($"Rule set '{name}' has no version {from}."));
            }

            content = RuleSetJson.Parse(source.Json).RuleSet!;
        }
        else if (content.Name != name)
        {
            return (null, Problems.Unprocessable("The content is for another rule set.", [new Problem("name", $"Expected '{name}', got '{content.Name}'.")]));
        }

        var now = clock.GetUtcNow();
        var draft = content with { Version = versions.Count == 0 ? 1 : versions.Max(r => r.Version) + 1, Author = actor, CreatedAt = now };
        var record = Record(draft, VersionStatus.Draft, actor, now);
        return await SaveAsync(record, null, actor, "draft-created", from is null ? null : $"From version {from}", cancellationToken);
    }

    public async Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)> UpdateDraftAsync(RuleSetVersionRecord current, RuleSet content, string actor, CancellationToken cancellationToken)
    {
        if (current.Status != VersionStatus.Draft)
        {
            return (null, Problems.Conflict($"Version {current.Version} is {current.Status}: only drafts change."));
        }

        if (content.Name != current.Name || content.Version != current.Version)
        {
            return (null, Problems.Unprocessable("The content does not match the draft.", [new Problem("version", $"Expected '{current.Name}' version {current.Version}.")]));
        }

        var updated = Record(content with { Author = current.Author, CreatedAt = current.CreatedAt }, VersionStatus.Draft, current.Author, current.CreatedAt);
        return await SaveAsync(updated, current, actor, "draft-updated", null, cancellationToken);
    }

    public ValidationReport Validate(RuleSetVersionRecord record) => validator.Validate(record.Json);

    public async Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)> SubmitAsync(RuleSetVersionRecord current, string comment, string actor, CancellationToken cancellationToken)
    {
        if (current.Status != VersionStatus.Draft)
        {
            return (null, Problems.Conflict($"Version {current.Version} is {current.Status}: only drafts are submitted."));
        }

        var report = validator.Validate(current.Json);
        if (!report.IsValid)
        {
            return (null, Problems.Unprocessable("The version does not validate or its tests fail; it cannot be submitted.", report.Problems));
        }

        var now = clock.GetUtcNow();
        return await SaveAsync(current with { Status = VersionStatus.Submitted, SubmittedBy = actor, SubmittedAt = now }, current, actor, "submitted", comment, cancellationToken);
    }

    public async Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)> ReviewAsync(RuleSetVersionRecord current, bool approve, string comment, string actor, CancellationToken cancellationToken)
    {
        if (current.Status != VersionStatus.Submitted)
        {
            return (null, Problems.Conflict($"Version {current.Version} is {current.Status}: only submitted versions are reviewed."));
        }

        var contributors = (await trail.ListAsync(current.Name, cancellationToken))
            .Where(e => e.Version == current.Version && Contributions.Contains(e.Action))
            .Select(e => e.Actor)
            .Append(current.Author)
            .ToHashSet(StringComparer.Ordinal);
        if (contributors.Contains(actor))
        {
            return (null, Problems.Forbidden($"Four eyes: '{actor}' wrote, edited or submitted version {current.Version} and cannot review it."));
        }

        var now = clock.GetUtcNow();
        var reviewed = current with { Status = approve ? VersionStatus.Approved : VersionStatus.Rejected, ReviewedBy = actor, ReviewedAt = now, ReviewComment = comment };
        return await SaveAsync(reviewed, current, actor, approve ? "approved" : "rejected", comment, cancellationToken);
    }

    public async Task<(Activation? Activation, ProblemHttpResult? Problem)> ActivateAsync(RuleSetVersionRecord record, DateTimeOffset? effectiveAt, string kind, string comment, string actor, CancellationToken cancellationToken)
    {
        if (record.Status != VersionStatus.Approved)
        {
            return (null, Problems.Conflict($"Version {record.Version} is {record.Status}: only approved versions are activated."));
        }

        var now = clock.GetUtcNow();
        var at = effectiveAt ?? now;
        if (at < now)
        {
            return (null, Problems.Unprocessable("An activation cannot be back-dated.", [new Problem("effectiveAt", $"{at:O} is before now ({now:O}).")]));
        }

        var activation = new Activation(0, record.Name, record.Version, at, actor, now, kind);
        var action = kind == "rollback" ? "rolled-back" : at > now ? "scheduled" : "activated";
        await store.ActivateAsync(activation, new AuditDraft(now, actor, action, record.Name, record.Version, record.Hash, comment), cancellationToken);
        await registry.RefreshAsync(cancellationToken);
        return (activation, null);
    }

    private async Task<(RuleSetVersionRecord? Record, ProblemHttpResult? Problem)> SaveAsync(
        RuleSetVersionRecord record, RuleSetVersionRecord? expected, string actor, string action, string? comment, CancellationToken cancellationToken)
    {
        try
        {
            await store.SaveAsync(record, expected, new AuditDraft(clock.GetUtcNow(), actor, action, record.Name, record.Version, record.Hash, comment), cancellationToken);
            return (record, null);
        }
        catch (ConcurrencyException exception)
        {
            return (null, Problems.Conflict(exception.Message));
        }
    }

    private static RuleSetVersionRecord Record(RuleSet ruleSet, VersionStatus status, string author, DateTimeOffset createdAt) => new()
    {
        Name = ruleSet.Name,
        Version = ruleSet.Version,
        Status = status,
        Json = RuleSetJson.Serialize(ruleSet with { Schema = null }),
        Hash = RuleSetJson.Hash(ruleSet),
        Author = author,
        CreatedAt = createdAt,
    };

    public static JsonElement Content(RuleSetVersionRecord record) => JsonSerializer.Deserialize<JsonElement>(record.Json);
}
