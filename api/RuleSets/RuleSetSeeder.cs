using Decisions.Api.Storage;
using Decisions.Engine.Serialization;
using Decisions.Engine.Validation;
using Microsoft.Extensions.Options;

namespace Decisions.Api.RuleSets;

/// <summary>
/// On the first start of an empty store, stores and activates every valid rule set under the seed folder, so a
/// fresh machine serves the seeds; they are published as they are (they come from the repository, reviewed
/// there). Each rule set's versions are activated in order, the newest last, so the older ones are in the
/// history, each in force before the next (a teller may pin them). A store that holds any version is left alone:
/// the seeder never stores or activates anything in it, so nothing a person drafted goes live by a restart and a
/// new seed version reaches an existing store only through the ordinary review. Replicas starting together on one
/// empty database race; only the replica whose write stored a rule set's newest seed activates its versions, so
/// each is activated once.
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
        var seeds = new Dictionary<string, SortedList<int, string>>(StringComparer.Ordinal);
        var stored = new HashSet<(string, int)>();
        IEnumerable<string> files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "v*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [];
        foreach (var file in files)
        {
            // Files are named v<version>.json (SeedRuleSetTests holds the repository to it): a later version is
            // skipped unread, since validating runs its embedded tests; the content's version is checked below.
            var named = int.TryParse(Path.GetFileNameWithoutExtension(file).AsSpan(1), out var number) ? number : 0;
            if (named > options.Value.SeedThroughVersion)
            {
                continue;
            }

            var report = validator.Validate(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
            if (report.Compiled is not { } compiled || !report.IsValid)
            {
                LogInvalid(logger, file, string.Join("; ", report.Problems.Select(p => $"{p.Path}: {p.Message}")));
                continue;
            }

            var (name, version) = (compiled.Ref.Name, compiled.Ref.Version);
            if (version > options.Value.SeedThroughVersion)
            {
                continue;
            }

            if (!seeds.TryGetValue(name, out var versions))
            {
                seeds[name] = versions = [];
            }

            versions[version] = compiled.Ref.Hash;

            var record = new RuleSetVersionRecord
            {
                Name = name,
                Version = version,
                Status = VersionStatus.Approved,
                Json = RuleSetJson.Serialize(compiled.Definition),
                Hash = compiled.Ref.Hash,
                Author = compiled.Definition.Author,
                CreatedAt = now,
                SubmittedBy = Seeder,
                SubmittedAt = now,
                ReviewedBy = Seeder,
                ReviewedAt = now,
                ReviewComment = "Seeded from " + Path.GetRelativePath(folder, file),
            };
            try
            {
                var audit = new AuditDraft(
                    now, Seeder, AuditAction.Seeded, name, version, compiled.Ref.Hash, record.ReviewComment);
                await store.SaveAsync(record, null, audit, cancellationToken).ConfigureAwait(false);
                LogSeeded(logger, name, version, compiled.Ref.Hash);
                stored.Add((name, version));
            }
            catch (ConcurrencyException)
            {
                // Another replica, starting at the same moment on the same database, stored this version first.
            }
        }

        // The replica that stored a rule set's newest seed activates its versions; the others leave it alone.
        foreach (var (name, versions) in seeds.Where(seed => stored.Contains((seed.Key, seed.Value.Keys[^1]))))
        {
            await ActivateInOrderAsync(name, versions, now, cancellationToken).ConfigureAwait(false);
        }
    }

    // A version replaced at its own effective time was never in force, and activations are never back-dated: each
    // takes effect a millisecond after the one before it, so every older seed version was active for an instant.
    private async Task ActivateInOrderAsync(
        string name, SortedList<int, string> versions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var effectiveAt = now;
        foreach (var (version, hash) in versions)
        {
            var activation = new Activation(0, name, version, effectiveAt, Seeder, now, ActivationKind.Activate);
            var audit = new AuditDraft(
                now, Seeder, AuditAction.Activated, name, version, hash, "First start", effectiveAt);
            await store.ActivateAsync(activation, audit, cancellationToken).ConfigureAwait(false);
            effectiveAt += TimeSpan.FromMilliseconds(1);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded rule set {Name} v{Version} ({Hash})")]
    private static partial void LogSeeded(ILogger logger, string name, int version, string hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seed file {File} is invalid and was not loaded: {Problems}")]
    private static partial void LogInvalid(ILogger logger, string file, string problems);
}
