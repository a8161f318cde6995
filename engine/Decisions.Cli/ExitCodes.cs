namespace Decisions.Cli;

/// <summary>
/// The tool's exit codes, one per class of outcome, so that a CI step can tell a broken rule set from a wrong
/// key or a conflict without reading the output.
/// </summary>
public static class ExitCodes
{
    /// <summary>Everything valid, every test passed, the draft saved.</summary>
    public const int Success = 0;

    /// <summary>
    /// A rule set is invalid, a test failed, no decision was made, or the service refused the content.
    /// </summary>
    public const int Invalid = 1;

    /// <summary>The command line is wrong, or a file or the customer cannot be read.</summary>
    public const int Usage = 2;

    /// <summary>The service refused the API key: missing, unknown, or without the editor role.</summary>
    public const int Unauthorized = 3;

    /// <summary>The draft changed since it was read (<c>If-Match</c>), or is no longer a draft.</summary>
    public const int Conflict = 4;

    /// <summary>The rule set or version to replace does not exist.</summary>
    public const int NotFound = 5;

    /// <summary>The service could not be reached, was busy (429) or failed (5xx).</summary>
    public const int Unavailable = 6;
}
