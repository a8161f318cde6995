using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.RuleSets;

/// <summary>Where the seed rule sets come from, and how soon changes made by other replicas are seen (section <c>RuleSets</c>).</summary>
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

    /// <summary>How often the store is asked whether versions or activations changed (through another replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
