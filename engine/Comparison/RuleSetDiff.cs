using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Comparison;

/// <summary>
/// One change between two versions: a parameter, input field, score or rule added, removed or changed.
/// </summary>
public sealed record RuleChange(string Section, string Key, string Kind, IReadOnlyList<string> Fields,
    JsonNode? Before, JsonNode? After);

/// <summary>
/// A readable, rule-level diff of two rule-set versions: rules are matched by code (scores by name,
/// parameters and fields by name), so a moved rule is not a change and a changed threshold names its rule.
/// </summary>
public static class RuleSetDiff
{
    public static IReadOnlyList<RuleChange> Compare(RuleSet before, RuleSet after)
    {
        var changes = new List<RuleChange>();
        Compare("metadata", Metadata(before), Metadata(after), changes);
        Compare("parameters", before.Parameters.ToDictionary(p => p.Key, p => Node(p.Value)),
            after.Parameters.ToDictionary(p => p.Key, p => Node(p.Value)), changes);
        Compare("input", before.Input.ToDictionary(p => p.Key, p => Node(p.Value)),
            after.Input.ToDictionary(p => p.Key, p => Node(p.Value)), changes);
        Compare("scores", before.Scores.Rules.ToDictionary(r => r.Name, Node),
            after.Scores.Rules.ToDictionary(r => r.Name, Node), changes);
        Compare("tiers", Ordered(before.Tiers.Rules, r => r.Code), Ordered(after.Tiers.Rules, r => r.Code), changes);
        Compare("privileges", before.Privileges.Rules.ToDictionary(r => r.Code, Node),
            after.Privileges.Rules.ToDictionary(r => r.Code, Node), changes);
        Compare("nextActions", before.NextActions.Rules.ToDictionary(r => r.Code, Node),
            after.NextActions.Rules.ToDictionary(r => r.Code, Node), changes);
        Compare("tests", before.Tests.ToDictionary(t => t.Name, Node),
            after.Tests.ToDictionary(t => t.Name, Node), changes);
        return changes;
    }

    private static Dictionary<string, JsonNode?> Metadata(RuleSet r) => new()
    {
        ["description"] = r.Description,
        ["format"] = RuleSetFormat.Of(r),
        ["timeZone"] = r.TimeZone,
        ["locale"] = r.Locale,
        ["effective"] = Node(r.Effective),
    };

    // Tier order decides the outcome (first match wins), so the position is part of each tier.
    private static Dictionary<string, JsonNode?> Ordered<T>(IReadOnlyList<T> rules, Func<T, string> key) =>
        rules.Select((rule, index) => (Key: key(rule), Node: Node(rule), Index: index))
            .ToDictionary(r => r.Key, r => { r.Node!["position"] = r.Index + 1; return (JsonNode?)r.Node; });

    private static void Compare(string section, Dictionary<string, JsonNode?> before,
        Dictionary<string, JsonNode?> after, List<RuleChange> changes)
    {
        foreach (var (key, old) in before)
        {
            if (!after.TryGetValue(key, out var now))
            {
                changes.Add(new RuleChange(section, key, "removed", [], old, null));
            }
            else if (!JsonNode.DeepEquals(old, now))
            {
                changes.Add(new RuleChange(section, key, "changed", ChangedFields(old, now), old, now));
            }
        }

        changes.AddRange(after.Where(pair => !before.ContainsKey(pair.Key))
            .Select(pair => new RuleChange(section, pair.Key, "added", [], null, pair.Value)));
    }

    private static List<string> ChangedFields(JsonNode? old, JsonNode? now) =>
        old is JsonObject a && now is JsonObject b
            ? [.. a.Select(p => p.Key)
                .Union(b.Select(p => p.Key))
                .Where(k => !JsonNode.DeepEquals(a[k], b[k]))
                .Order(StringComparer.Ordinal)]
            : [];

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, RuleSetJson.Options);
}
