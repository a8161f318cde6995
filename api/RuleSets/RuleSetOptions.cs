using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.RuleSets;

/// <summary>Where the seed rule sets come from, and how soon changes made by other replicas are seen (section <c>RuleSets</c>).</summary>
public sealed class RuleSetOptions
{
    public const string Section = "RuleSets";

    /// <summary>Folder of rule sets, one sub-folder per rule set; relative paths start at the content root.</summary>
    [Required]
    public string Path { get; set; } = "../rulesets";

    /// <summary>How often the store is asked whether versions or activations changed (through another replica).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
