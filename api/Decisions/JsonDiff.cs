using System.Text.Json;

namespace Decisions.Api.Decisions;

/// <summary>Where two JSON documents differ, as JSON paths; object key order does not matter.</summary>
public static class JsonDiff
{
    public static IReadOnlyList<Difference> Compare(JsonElement recorded, JsonElement replayed)
    {
        var differences = new List<Difference>();
        Compare("$", recorded, replayed, differences);
        return differences;
    }

    private static void Compare(string path, JsonElement a, JsonElement b, List<Difference> differences)
    {
        if (a.ValueKind == JsonValueKind.Object && b.ValueKind == JsonValueKind.Object)
        {
            var names = a.EnumerateObject()
                .Select(p => p.Name)
                .Union(b.EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);
            foreach (var name in names)
            {
                var inA = a.TryGetProperty(name, out var va);
                var inB = b.TryGetProperty(name, out var vb);
                if (inA && inB)
                {
                    Compare($"{path}.{name}", va, vb, differences);
                }
                else
                {
                    differences.Add(new Difference($"{path}.{name}", inA ? va.Clone() : null, inB ? vb.Clone() : null));
                }
            }
        }
        else if (a.ValueKind == JsonValueKind.Array && b.ValueKind == JsonValueKind.Array
            && a.GetArrayLength() == b.GetArrayLength())
        {
            for (var i = 0; i < a.GetArrayLength(); i++)
            {
                Compare($"{path}[{i}]", a[i], b[i], differences);
            }
        }
        else if (!JsonElement.DeepEquals(a, b))
        {
            differences.Add(new Difference(path, a.Clone(), b.Clone()));
        }
    }
}
