namespace Decisions.Api.Observability;

/// <summary>
/// How a Prometheus server scrapes <c>/metrics</c> (section <c>Metrics</c>). Debian's Prometheus cannot send
/// <c>X-Api-Key</c>, but it sends <c>Authorization: Bearer</c> (<c>authorization.credentials_file</c>), so a token
/// that opens <c>/metrics</c> and nothing else lets a stock Prometheus scrape without holding an auditor's key.
/// </summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// The scraper's bearer token (16+ characters), e.g. <c>Metrics__BearerToken</c>; none by default.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>A second port serving only <c>/metrics</c>, without a key; none by default.</summary>
    public int? Port { get; set; }
}
