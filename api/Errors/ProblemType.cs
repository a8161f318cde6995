namespace Decisions.Api.Errors;

/// <summary>
/// One kind of RFC 9457 problem: its <c>type</c> URI, the status it comes with, a title that is the same for every
/// occurrence, and what it means (published in the OpenAPI document and the README).
/// </summary>
/// <param name="Name">The last segment of the type URI, e.g. <c>unknown-rule-set</c>.</param>
/// <param name="Status">The HTTP status every problem of this kind has.</param>
/// <param name="Title">The short, stable summary a client may show.</param>
/// <param name="Meaning">When the service answers it, and what a client does about it.</param>
public sealed record ProblemType(string Name, int Status, string Title, string Meaning)
{
    /// <summary>
    /// The namespace of the type URIs: a URN in the form the Belgian federal REST guidelines (belgif) use, since
    /// no page is served at these names and the service cannot know the host its clients reach it by; the
    /// catalogue is the OpenAPI document's problem schema and the README. Clients compare the whole string.
    /// </summary>
    public const string Namespace = "urn:problem-type:decisions:";

    /// <summary>The <c>type</c> member of problems of this kind.</summary>
    public string Uri => Namespace + Name;
}
