using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.RuleSets;

/// <summary>What impact answers may reveal to roles that may not read decisions (section <c>Privacy</c>).</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Counts under this are suppressed for such roles (a common small-cell threshold in bank reporting).
    /// </summary>
    [Range(2, 1_000)]
    public int MinimumCount { get; set; } = 10;
}
