using Decisions.Api.Storage;
using Decisions.Engine.Serialization;
using Decisions.Engine.Validation;
using Microsoft.Extensions.Options;

namespace Decisions.Api.RuleSets;

/// <summary>
/// On start, stores every valid rule set under the seed folder that the store does not hold yet, and
/// activates the newest seed version of a rule set that has never been activated. A restart adds nothing.
/// Seeds are published as they are: they come from the repository, reviewed there.
/// </summary>
public sealed partial class RuleSetSeeder(
    IRuleSetStore store, RuleSetRegistry registry, RuleSetValidator validator, IOptions<RuleSetOptions> options,
    IHostEnvironment environment, TimeProvider clock, ILogger<RuleSetSeeder> logger) : IHostedService
{
    private const string Seeder = "seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        var stored = (await store.ListAsync(cancellationToken).ConfigureAwait(false)).Select(r => (r.Name, r.Version)).ToHashSet();
        await registry.RefreshAsync(cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        IEnumerable<string> files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "v*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        foreach (var file in files)
        {
            var report = validator.Validate(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            if (report.Compiled is not { } compiled || !report.IsValid)
            {
                LogInvalid(logger, file, string.Join("; ", report.Problems.Select(p => $"{p.Path}: {p.Message}")));
                continue;
            }

            var (name, version) = (compiled.Ref.Name, compiled.Ref.Version);
            if (stored.Add((name, version)))
            {
                var record = new RuleSetVersionRecord
                {
                    Name = name, Version = version, Status = VersionStatus.Approved, Json = RuleSetJson.Serialize(compiled.Definition),
                    Hash = compiled.Ref.Hash, Author = compiled.Definition.Author, CreatedAt = now, SubmittedBy = Seeder, SubmittedAt = now,
                    ReviewedBy = Seeder, ReviewedAt = now, ReviewComment = "Seeded from " + Path.GetRelativePath(folder, file),
                };
                try
                {
                    await store.SaveAsync(record, null, new AuditDraft(now, Seeder, "seeded", name, version, compiled.Ref.Hash, record.ReviewComment), cancellationToken).ConfigureAwait(false);
                    LogSeeded(logger, name, version, compiled.Ref.Hash);
                }
                catch (ConcurrencyException)
                {
                    // Another replica, starting at the same moment on the same database, seeded this version first.
                }
            }
        }

        foreach (var group in stored.GroupBy(s => s.Name))
        {
            if (registry.ActiveAt(group.Key, DateTimeOffset.MaxValue) is null)
            {
                var version = group.Max(s => s.Version);
                await store.ActivateAsync(new Activation(0, group.Key, version, now, Seeder, now, "activate"), new AuditDraft(now, Seeder, "activated", group.Key, version, null, "First start"), cancellationToken).ConfigureAwait(false);
            }
        }

        await registry.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded rule set {Name} v{Version} ({Hash})")]
    private static partial void LogSeeded(ILogger logger, string name, int version, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {File} is invalid and was not loaded: {Problems}")]
    private static partial void LogInvalid(ILogger logger, string file, string problems);
}
