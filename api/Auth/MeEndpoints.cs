using System.Security.Claims;
using Decisions.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Auth;

/// <summary>Who holds the key and what the role may do: the console shows only what is allowed.</summary>
public sealed record SignedInUser(string Name, string Role, IReadOnlyList<string> Capabilities);

public static class MeEndpoints
{
    private static readonly Dictionary<string, string[]> Capabilities = new(StringComparer.Ordinal)
    {
        [Roles.Teller] = [Roles.Decide],
        [Roles.Editor] = [Roles.Read, Roles.Edit, Roles.Review],
        [Roles.Approver] = [Roles.Read, Roles.Review, Roles.Approve],
        [Roles.Auditor] = [Roles.Read, Roles.Audit],
        [Roles.Admin] = [Roles.Decide, Roles.Read, Roles.Edit, Roles.Review, Roles.Approve, Roles.Audit],
    };

    public static IEndpointRouteBuilder MapMeEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/me", Get)
            .WithName("GetSignedInUser")
            .RequireAuthorization(Roles.SignedIn)
            .WithTags("Identity")
            .Problems(401, 429)
            .WithSummary("Who is signed in, with which role");
        return endpoints;
    }

    public static Ok<SignedInUser> Get(ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(ClaimTypes.Role) ?? "";
        return TypedResults.Ok(new SignedInUser(user.Actor(), role, Capabilities.GetValueOrDefault(role, [])));
    }
}
