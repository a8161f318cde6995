using Microsoft.Extensions.Options;

namespace Decisions.Api.Observability;

/// <summary>
/// <c>Metrics:Port</c>: a second port that serves <c>/metrics</c> without a key and nothing else, for a Prometheus that
/// reaches the replicas on a network tellers do not (only it is given that port). None by default.
/// </summary>
internal static class MetricsPort
{
    /// <summary>Adds the port to the addresses the host binds anyway.</summary>
    public static void Listen(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<int?>($"{MetricsOptions.Section}:Port") is not { } port)
        {
            return;
        }

        // Through the host's URLs, not Kestrel's Listen: an endpoint added in code makes the host ignore its URLs
        // (--urls, ASPNETCORE_URLS, or ASPNETCORE_HTTP_PORTS as the ASP.NET image sets it).
        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        var ports = Ports("http", builder.WebHost.GetSetting("http_ports"))
            .Concat(Ports("https", builder.WebHost.GetSetting("https_ports"))).ToList();
        var current = !string.IsNullOrEmpty(urls) ? urls
            : ports.Count > 0 ? string.Join(';', ports) : "http://localhost:5000";
        builder.WebHost.UseUrls($"{current};http://*:{port}");
    }

    /// <summary>On the metrics port, every path but <c>/metrics</c> is a 404, before anything else runs.</summary>
    public static void Restrict(WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Port is not { } port)
        {
            return;
        }

        app.Use((context, next) =>
        {
            if (context.Connection.LocalPort != port || context.Request.Path.Equals("/metrics",
                StringComparison.Ordinal))
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    /// <summary>Whether the request came in on the metrics port.</summary>
    public static bool Received(HttpContext context, MetricsOptions options) =>
        options.Port is { } port && context.Connection.LocalPort == port;

    private static IEnumerable<string> Ports(string scheme, string? ports) =>
        (ports ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"{scheme}://*:{p}");
}
