using System.Collections.Concurrent;
using System.Globalization;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Prometheus;

namespace Decisions.Api.Observability;

/// <summary>
/// What this host serves, set at each scrape: <c>ruleset_active_info</c> (the version in force now and its content
/// hash, one series per rule set, so a replica left on an old version stands out) and
/// <c>ruleset_registry_refresh_age_seconds</c> (since the registry last checked the store for changes).
/// </summary>
internal sealed class HostGauges(RuleSetRegistry registry, IRuleSetStore store, TimeProvider clock)
{
    private static readonly Gauge Active = Metrics.CreateGauge(
        "ruleset_active_info", "The version of each rule set in force now, with its content hash (always 1).",
        "rule_set", "version", "hash");

    private static readonly Gauge RefreshAge = Metrics.CreateGauge(
        "ruleset_registry_refresh_age_seconds",
        "Seconds since the registry last checked the store for rule-set changes.",
        new GaugeConfiguration { SuppressInitialValue = true });

    // Published versions never change, so a hash read once stays right; most are already in the registry.
    private readonly ConcurrentDictionary<(string, int), string> _hashes = new();

    public async Task UpdateAsync(CancellationToken cancellationToken)
    {
        var current = new HashSet<string[]>(LabelsComparer.Instance);
        foreach (var activation in registry.InForce(clock.GetUtcNow()))
        {
            var hash = await HashAsync(activation.Name, activation.Version, cancellationToken).ConfigureAwait(false);
            current.Add([activation.Name, activation.Version.ToString(CultureInfo.InvariantCulture), hash]);
        }

        // The gauge is process-wide: series of versions no longer in force go, so exactly one per rule set stays.
        foreach (var stale in Active.GetAllLabelValues().Where(labels => !current.Contains(labels)).ToList())
        {
            Active.RemoveLabelled(stale);
        }

        foreach (var labels in current)
        {
            Active.WithLabels(labels).Set(1);
        }

        if (registry.SinceChecked() is { } age)
        {
            RefreshAge.Set(age.TotalSeconds);
        }
    }

    private async Task<string> HashAsync(string name, int version, CancellationToken cancellationToken)
    {
        if (_hashes.TryGetValue((name, version), out var known))
        {
            return known;
        }

        var hash = registry.Published(name, version)?.Hash
            ?? (await store.GetAsync(name, version, cancellationToken).ConfigureAwait(false))?.Hash;
        return hash is null ? "" : _hashes.GetOrAdd((name, version), hash);
    }

    private sealed class LabelsComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelsComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj) => HashCode.Combine(obj[0], obj[1], obj[2]);
    }
}
