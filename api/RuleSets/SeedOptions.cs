using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.RuleSets;

/// <summary>Where the seed rule sets are read from on first start (section <c>RuleSets</c>).</summary>
public sealed class SeedOptions
{
    public const string Section = "RuleSets";

    /// <summary>Folder of rule sets, one sub-folder per rule set; relative paths start at the content root.</summary>
    [Required]
    public string Path { get; set; } = "../rulesets";
}
