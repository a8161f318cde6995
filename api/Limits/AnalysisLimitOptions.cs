using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.Limits;

/// <summary>
/// Limits of the runs that re-decide logged decisions (impact, replay of a range), section <c>Limits:Analysis</c>.
/// Each run holds a few pages of decisions at a time and re-decides on every core; beyond these counts a run answers
/// 429.
/// </summary>
public sealed class AnalysisLimitOptions
{
    public const string Section = "Limits:Analysis";

    /// <summary>Runs one API key may have going at once.</summary>
    [Range(1, 64)]
    public int RunsPerKey { get; set; } = 1;

    /// <summary>Runs going at once over all keys: on two cores, two runs leave the tellers' decisions room.</summary>
    [Range(1, 64)]
    public int RunsInAll { get; set; } = 2;

    /// <summary>Decisions read from the log per page: a page of ~10 KB decisions is ~10 MB.</summary>
    [Range(10, 10_000)]
    public int PageSize { get; set; } = 1_000;

    /// <summary>Finished runs (<c>/v1/analysis-runs</c>) kept for their owners to read, at most.</summary>
    [Range(1, 10_000)]
    public int KeptRuns { get; set; } = 100;

    /// <summary>How long a finished run is kept, in minutes.</summary>
    [Range(1, 10_080)]
    public int KeptMinutes { get; set; } = 60;

    /// <summary>The <c>Retry-After</c> a refused run is given, in seconds.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 10;
}
