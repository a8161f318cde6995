using System.Net;
using System.Text;
using Decisions.Api.Auth;
using Decisions.Api.Observability;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>
/// Every endpoint the service maps × every role: allowed, or 403; no key: 401. The endpoints are read from
/// the running service, so a new endpoint is in the matrix without anyone adding it, and one mapped without
/// a role fails here.
/// </summary>
public sealed class RoleMatrixTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        [Roles.Decide] = ["teller", "admin"],
        [Roles.Edit] = ["editor", "admin"],
        [Roles.Review] = ["editor", "approver", "admin"],
        [Roles.Approve] = ["approver", "admin"],
        [Roles.Audit] = ["auditor", "admin"],
        [Roles.Read] = ["editor", "approver", "auditor", "admin"],
        [Roles.Operate] = ["admin"],
        [Roles.SignedIn] = ["teller", "editor", "approver", "auditor", "admin"],
        [MetricsEndpoint.Policy] = ["auditor", "admin"],
    };

    private static readonly HashSet<string> Public =
        ["/healthz", "/readyz", "/openapi/{documentName}.json", "/openapi/rulesets/{name}.json", "/console"];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_policy_says()
    {
        var failures = new List<string>();
        var endpoints = Endpoints();
        Assert.True(endpoints.Count >= 25, $"Only {endpoints.Count} endpoints found.");
        foreach (var (method, pattern, policy) in endpoints)
        {
            var url = Sample(pattern);
            if (policy is null)
            {
                if (!Public.Contains(pattern))
                {
                    failures.Add($"{method} {pattern} has no role");
                }

                continue;
            }

            Expect(failures, method, pattern, null, await Send(app.Anonymous(), method, url),
                HttpStatusCode.Unauthorized);
            foreach (var role in new[] { "teller", "editor", "approver", "auditor", "admin" })
            {
                var status = await Send(app.Client(role), method, url);
                if (Allowed[policy].Contains(role))
                {
                    if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                        or >= HttpStatusCode.InternalServerError)
                    {
                        failures.Add($"{method} {pattern} as {role}: {(int)status}, expected to be let through");
                    }
                }
                else
                {
                    Expect(failures, method, pattern, role, status, HttpStatusCode.Forbidden);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private List<(string Method, string Pattern, string? Policy)> Endpoints() =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m =>
                (m, e.RoutePattern.RawText!,
                    e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        ? e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault()
                        : null)))];

    private static string Sample(string pattern) => pattern
        .Replace("{name}", "retail-tiering", StringComparison.Ordinal)
        .Replace("{version:int}", "1", StringComparison.Ordinal)
        .Replace("{sequence:long}", "1", StringComparison.Ordinal)
        .Replace("{id}", "00000000-0000-0000-0000-000000000000", StringComparison.Ordinal);

    private static async Task<HttpStatusCode> Send(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return (await client.SendAsync(request)).StatusCode;
    }

    private static void Expect(List<string> failures, string method, string pattern, string? role,
        HttpStatusCode actual, HttpStatusCode expected)
    {
        if (actual != expected)
        {
            failures.Add($"{method} {pattern} as {role ?? "anonymous"}: {(int)actual}, expected {(int)expected}");
        }
    }
}
