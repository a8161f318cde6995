using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Decisions.Api.Decisions;

/// <summary>
/// 200 with a <see cref="LoggedAnswer"/>'s JSON as the body, documented in OpenAPI as a <see cref="DecisionResponse"/>.
/// Serializing the answer again for the client cost as much CPU as the engine's evaluation.
/// </summary>
public sealed class LoggedAnswerResult(LoggedAnswer answer) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    private static readonly string[] ContentTypes = ["application/json"];

    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        return httpContext.Response.WriteAsync(answer.Json, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK,
            typeof(DecisionResponse), ContentTypes));
}
