using Decisions.Api.Storage;
using Decisions.Engine.Serialization;
using Decisions.Engine.Validation;
using Microsoft.Extensions.Options;

namespace Decisions.Api.RuleSets;

/// <summary>
/// On the first start of an empty store, stores and activates every valid rule set under the seed folder, so a
/// fresh machine serves the seeds; they are published as they are (they come from the repository, reviewed
/// there). A store that holds any version is left alone: the seeder never stores or activates anything in it,
/// so nothing a person drafted goes live by a restart. Replicas starting together on one empty database race;
/// only the replica whose write stored a rule set's newest seed activates it, so each is activated once.
/// </summary>
public sealed partial class RuleSetSeeder(
    IRuleSetStore store, RuleSetRegistry registry, RuleSetValidator validator, IOptions<RuleSetOptions> options,
    TimeProvider clock, ILogger<RuleSetSeeder> logger) : IHostedService
{
    private const string Seeder = "seed";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if ((await store.ListAsync(cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            await SeedAsync(cancellationToken).ConfigureAwait(false);
        }

        await registry.RefreshAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, options.Value.Path));
        var now = clock.GetUtcNow();
        var newest = new Dictionary<string, (int Version, string Hash)>(StringComparer.Ordinal);
        var stored = new HashSet<(string, int)>();
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
            if (!newest.TryGetValue(name, out var seen) || seen.Version < version)
            {
                newest[name] = (version, compiled.Ref.Hash);
            }

            var record = new RuleSetVersionRecord
            {
                Name = name, Version = version, Status = VersionStatus.Approved, Json = RuleSetJson.Serialize(compiled.Definition),
                Hash = compiled.Ref.Hash, Author = compiled.Definition.Author, CreatedAt = now, SubmittedBy = Seeder, SubmittedAt = now,
                ReviewedBy = Seeder, ReviewedAt = now, ReviewComment = "Seeded from " + Path.GetRelativePath(folder, file),
            };
            try
            {
                var audit = new AuditDraft(now, Seeder, AuditAction.Seeded, name, version, compiled.Ref.Hash, record.ReviewComment);
                await store.SaveAsync(record, null, audit, cancellationToken).ConfigureAwait(false);
                LogSeeded(logger, name, version, compiled.Ref.Hash);
                stored.Add((name, version));
            }
            catch (ConcurrencyException)
            {
                // Another replica, starting at the same moment on the same database, stored this version first.
            }
        }

        // The replica that stored a rule set's newest seed activates it; the others leave it alone.
        foreach (var (name, (version, hash)) in newest.Where(n => stored.Contains((n.Key, n.Value.Version))))
        {
            var activation = new Activation(0, name, version, now, Seeder, now, ActivationKind.Activate);
            var audit = new AuditDraft(now, Seeder, AuditAction.Activated, name, version, hash, "First start", now);
            await store.ActivateAsync(activation, audit, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded rule set {Name} v{Version} ({Hash})")]
    private static partial void LogSeeded(ILogger logger, string name, int version, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {File} is invalid and was not loaded: {Problems}")]
    private static partial void LogInvalid(ILogger logger, string file, string problems);
}
