using Decisions.Engine.Model;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Errors;

/// <summary>
/// The RFC 9457 problems the endpoints answer with, each of a <see cref="ProblemType"/> of the catalogue: its type,
/// status and title, and a <c>detail</c> about this occurrence; <c>errors</c> lists each refused value with its path.
/// </summary>
public static class Problems
{
    /// <summary>The name of the extension that lists each refused value with its path.</summary>
    public const string Errors = "errors";

    public static ProblemHttpResult Of(
        ProblemType type, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(
            detail, statusCode: type.Status, title: type.Title, type: type.Uri, extensions: extensions);

    /// <summary>A 422 whose detail says what was refused and whose <c>errors</c> list every value, by path.</summary>
    public static ProblemHttpResult Unprocessable(string detail, IEnumerable<Problem> problems) =>
        Of(ProblemTypes.ValidationFailed, detail, new Dictionary<string, object?> { [Errors] = problems.ToList() });
}
