using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.RuleSets;

/// <summary>
/// Where the seed rule sets come from, and how soon changes made by other replicas are seen (section
/// <c>RuleSets</c>).
/// </summary>
public sealed class RuleSetOptions
{
    public const string Section = "RuleSets";

    /// <summary>
    /// Folder of rule sets, one sub-folder per rule set. Relative paths start at the application's own folder, where
    /// the build and <c>dotnet publish</c> copy <c>rulesets/</c>, so the service finds its seeds from any working
    /// directory.
    /// </summary>
    [Required]
    public string Path { get; set; } = "rulesets";

    /// <summary>
    /// The newest seed version stored on a fresh store (every one by default): the test host seeds version 1 only,
    /// so tests written against version 1 keep deciding under it.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int SeedThroughVersion { get; set; } = int.MaxValue;

    /// <summary>
    /// How often the store is asked whether versions or activations changed (through another replica).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
