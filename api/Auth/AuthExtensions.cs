using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace Decisions.Api.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// API-key authentication and one policy per capability. Outside Development the service refuses to
    /// start without keys, and every key needs a known role and a name (the name is written to the trail).
    /// </summary>
    public static IHostApplicationBuilder AddApiKeyAuth(this IHostApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<ApiKeyOptions>()
            .BindConfiguration(ApiKeyOptions.Section)
            .Validate(o => development || o.ApiKeys.Count > 0, "No API keys are configured (Auth:ApiKeys).")
            .Validate(o => o.ApiKeys.All(k => k.Key.Length >= 16 && Roles.All.Contains(k.Role) && k.Name.Length > 0),
                "Every API key needs a Key of 16+ characters, a known Role and a Name.")
            .ValidateOnStart();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(
                ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Roles.Decide, p => p.RequireRole(Roles.Teller, Roles.Admin))
            .AddPolicy(Roles.Edit, p => p.RequireRole(Roles.Editor, Roles.Admin))
            .AddPolicy(Roles.Review, p => p.RequireRole(Roles.Editor, Roles.Approver, Roles.Admin))
            .AddPolicy(Roles.Approve, p => p.RequireRole(Roles.Approver, Roles.Admin))
            .AddPolicy(Roles.Audit, p => p.RequireRole(Roles.Auditor, Roles.Admin))
            .AddPolicy(Roles.Read, p => p.RequireRole(Roles.Editor, Roles.Approver, Roles.Auditor, Roles.Admin))
            .AddPolicy(Roles.Operate, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.SignedIn, p => p.RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>The key holder's name, as written to the audit trail.</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
