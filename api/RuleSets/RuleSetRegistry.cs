using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;
using Decisions.Engine.Serialization;

namespace Decisions.Api.RuleSets;

/// <summary>
/// What the decision path needs from the store, kept in memory: the activation timeline of every rule set
/// (so "active now" and "active at T" are a lookup) and each version compiled once. A new activation replaces
/// the timeline atomically, so a decision sees either the old version or the new one, never a mix.
/// </summary>
public sealed class RuleSetRegistry(IRuleSetStore store, RuleSetCompiler compiler)
{
    private readonly ConcurrentDictionary<(string, int, string), Lazy<CompiledRuleSet>> _compiled = new();
    private readonly ConcurrentDictionary<(string, int), RuleSetVersionRecord> _published = new();
    private volatile ImmutableDictionary<string, ImmutableArray<Activation>> _timeline =
        ImmutableDictionary<string, ImmutableArray<Activation>>.Empty;
    // A monotonic timestamp, not the decision clock: how stale this replica may be is operational, real time.
    private long _checkedAt;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var activations = await store.ActivationsAsync(cancellationToken).ConfigureAwait(false);
        var cancelled = activations.Where(a => a.Kind == ActivationKind.Cancel).Select(a => a.Cancels).ToHashSet();
        _timeline = activations.Where(a => a.Kind != ActivationKind.Cancel && !cancelled.Contains(a.Sequence))
            .GroupBy(a => a.Name, StringComparer.Ordinal).ToImmutableDictionary(
            group => group.Key,
            group => group.OrderBy(a => a.EffectiveAt).ThenBy(a => a.Sequence).ToImmutableArray(),
            StringComparer.Ordinal);
        Checked();
    }

    /// <summary>The activation in force at <paramref name="at"/>: the latest one not in the future.</summary>
    public Activation? ActiveAt(string name, DateTimeOffset at)
    {
        if (!_timeline.TryGetValue(name, out var timeline))
        {
            return null;
        }

        for (var i = timeline.Length - 1; i >= 0; i--)
        {
            if (timeline[i].EffectiveAt <= at)
            {
                return timeline[i];
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="version"/> was in force at some instant at or before <paramref name="at"/>; one
    /// rolled back or replaced since still was. An activation replaced at its own effective time never was.
    /// </summary>
    public bool WasActive(string name, int version, DateTimeOffset at)
    {
        if (!_timeline.TryGetValue(name, out var timeline))
        {
            return false;
        }

        for (var i = 0; i < timeline.Length && timeline[i].EffectiveAt <= at; i++)
        {
            var replacedAtOnce = i + 1 < timeline.Length && timeline[i + 1].EffectiveAt == timeline[i].EffectiveAt;
            if (timeline[i].Version == version && !replacedAtOnce)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many rule sets have a version in force at <paramref name="at"/>.</summary>
    public int ActiveCount(DateTimeOffset at) => InForce(at).Count();

    /// <summary>The activation in force at <paramref name="at"/> of every rule set that has one.</summary>
    public IEnumerable<Activation> InForce(DateTimeOffset at) =>
        _timeline.Keys.Select(name => ActiveAt(name, at)).OfType<Activation>();

    /// <summary>
    /// Notes that the timeline was just found in step with the store (reloaded, or its stamp unchanged).
    /// </summary>
    public void Checked() => Interlocked.Exchange(ref _checkedAt, Stopwatch.GetTimestamp());

    /// <summary>How long ago the timeline was last found in step with the store; null before the first time.</summary>
    public TimeSpan? SinceChecked() =>
        Interlocked.Read(ref _checkedAt) is var at and not 0 ? Stopwatch.GetElapsedTime(at) : null;

    /// <summary>Activations that have not taken effect yet.</summary>
    public IEnumerable<Activation> Scheduled(string name, DateTimeOffset now) =>
        _timeline.TryGetValue(name, out var timeline) ? timeline.Where(a => a.EffectiveAt > now) : [];

    /// <summary>A published version seen before: published versions never change, so they are kept.</summary>
    public RuleSetVersionRecord? Published(string name, int version) =>
        _published.GetValueOrDefault((name, version));

    /// <summary>The compiled form of a stored version; compiled once per content hash.</summary>
    public CompiledRuleSet Compile(RuleSetVersionRecord record)
    {
        if (record.Status == VersionStatus.Approved)
        {
            _published.TryAdd((record.Name, record.Version), record);
        }

        return _compiled.GetOrAdd((record.Name, record.Version, record.Hash), _ => new Lazy<CompiledRuleSet>(() =>
        {
            var (ruleSet, problem) = RuleSetJson.Parse(record.Json);
            var result = ruleSet is null ? null : compiler.Compile(ruleSet);
            return result?.RuleSet?.RecordedAs(record.Hash) ?? throw new InvalidOperationException(
                $"Stored version {record.Version} of '{record.Name}' does not compile: "
                + $"{problem?.Message ?? string.Join("; ", result!.Problems)}");
        })).Value;
    }
}
