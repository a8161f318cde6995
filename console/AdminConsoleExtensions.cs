using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Decisions.AdminConsole;

/// <summary>
/// Serves the console's static pages at <c>/console</c>. The pages hold no data and no secrets: everything
/// they show comes from the HTTP API with the signed-in key, under the same roles and the same audit trail.
/// </summary>
public static class AdminConsoleExtensions
{
    public const string Path = "/console";

    public static WebApplication MapAdminConsole(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(typeof(AdminConsoleExtensions).Assembly, "Decisions.AdminConsole.wwwroot");
        app.MapGet(Path, () => Results.Redirect(Path + "/index.html")).ExcludeFromDescription().AllowAnonymous();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = files,
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
