namespace Decisions.Api.OpenApi;

public static class ProblemMetadata
{
    public const string ContentType = "application/problem+json";

    /// <summary>Documents the RFC 9457 problems an endpoint (or a group) may answer with.</summary>
    public static TBuilder Problems<TBuilder>(this TBuilder builder, params int[] statusCodes)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var statusCode in statusCodes)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(statusCode, typeof(ProblemBody), [ContentType]));
        }

        return builder;
    }

    /// <summary>
    /// What every authenticated endpoint may answer: bad request, no key, wrong role, too many requests, and the
    /// store out of reach (every call reads or writes it, but for <c>/v1/me</c>).
    /// </summary>
    public static RouteGroupBuilder CommonProblems(this RouteGroupBuilder group) =>
        group.Problems(400, 401, 403, 429, 503);
}
