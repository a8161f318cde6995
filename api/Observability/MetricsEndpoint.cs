using System.Security.Cryptography;
using System.Text;
using Decisions.Api.Auth;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Decisions.Api.Observability;

/// <summary>
/// <c>/metrics</c> in Prometheus' text format, for auditors and admins by <c>X-Api-Key</c> and for a scraper by
/// the configured bearer token. The gauges that describe this host's state are set just before each export.
/// </summary>
internal static class MetricsEndpoint
{
    /// <summary>The policy of <c>/metrics</c>: the audit roles, the scraper's token, or the metrics port.</summary>
    public const string Policy = "scrape";

    private const string TextFormat = "text/plain; version=0.0.4; charset=utf-8";

    public static void AddScrapePolicy(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section)
            .Validate(o => o.BearerToken is null || o.BearerToken.Length >= 16,
                "Metrics:BearerToken needs 16+ characters.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.RequireAssertion(context =>
            context.User.IsInRole(Roles.Auditor) || context.User.IsInRole(Roles.Admin)
            || (context.Resource is HttpContext http && Scraper(http))));
    }

    public static void Map(WebApplication app) =>
        app.MapGet("/metrics", Export).RequireAuthorization(Policy).ExcludeFromDescription();

    private static async Task Export(HttpContext context, HostGauges gauges)
    {
        await gauges.UpdateAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = TextFormat;
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted)
            .ConfigureAwait(false);
    }

    // The metrics port, or the token: digests of equal length compared in constant time, so neither a prefix nor the
    // token's length is told by timing.
    private static bool Scraper(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<MetricsOptions>>().Value;
        if (MetricsPort.Received(context, options))
        {
            return true;
        }

        var token = options.BearerToken;
        var header = context.Request.Headers.Authorization;
        const string scheme = "Bearer ";
        if (token is null || header.Count != 1 || header[0] is not { } value
            || !value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(value[scheme.Length..].Trim())),
            SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
