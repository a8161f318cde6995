using Microsoft.OpenApi;

namespace Decisions.Api.OpenApi;

/// <summary>What each group of operations in the OpenAPI document is for, shown by documentation tools.</summary>
internal static class Tags
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["Identity"] = "Who the API key belongs to and what its role may do.",
        ["Decisions"] = "Decide for customers (tellers), read, search and replay logged decisions (auditors).",
        ["Rule sets"] = "Rule-set versions: drafts, validation, simulation, impact, four-eyes review, activation.",
        ["Analysis runs"] = "Long replays and impact analyses running in the background: progress, result, cancel.",
        ["Audit"] = "The change trail, verification of both hash chains, and which version was active when.",
        ["Checkpoints"] = "Signed checkpoints of both chains and the key that verifies them.",
        ["Operations"] = "Backups of the embedded store and lawful erasure of a customer's personal data.",
        ["Benchmark"] = "An echo endpoint for load tests, mapped only when configured.",
    };

    public static void Describe(OpenApiDocument document)
    {
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
    }
}
