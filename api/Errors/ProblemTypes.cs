using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Decisions.Api.Errors;

/// <summary>
/// Every kind of problem the service answers, in one place: endpoints, handlers and the OpenAPI document take their
/// <c>type</c>, status and title from here, so a client can tell an unknown rule set from an unknown route by
/// <c>type</c> alone. A <see cref="ProblemType.Meaning"/> reads as a <c>detail</c> when nothing more specific is known.
/// </summary>
public static class ProblemTypes
{
    public static readonly ProblemType MalformedRequest = new("malformed-request", Status400BadRequest,
        "The request is malformed",
        "The body is not JSON, or a property is unknown, duplicated, missing or of the wrong type; the detail "
        + "names its JSON path.");

    public static readonly ProblemType InvalidParameter = new("invalid-parameter", Status400BadRequest,
        "A parameter is not valid", "A query-string or path parameter is out of range or in the wrong form.");

    public static readonly ProblemType IdempotencyKeyMalformed = new("idempotency-key-malformed", Status400BadRequest,
        "Idempotency-Key is not valid", "The Idempotency-Key header is not one the service accepts.");

    public static readonly ProblemType Unauthenticated = new("unauthenticated", Status401Unauthorized,
        "No valid API key", "Send a valid API key in the X-Api-Key header.");

    public static readonly ProblemType Forbidden = new("forbidden", Status403Forbidden,
        "Not allowed for this role", "The role of this API key may not make this call.");

    public static readonly ProblemType FourEyes = new("four-eyes", Status403Forbidden,
        "Four eyes", "Nobody who wrote any of a version's content may approve or reject it.");

    public static readonly ProblemType UnknownRuleSet = new("unknown-rule-set", Status404NotFound,
        "Unknown rule set", "No rule set of this name is in force (at the time asked).");

    public static readonly ProblemType UnknownVersion = new("unknown-version", Status404NotFound,
        "Unknown version",
        "No version of this number exists under this rule-set name (for a decision: no published one).");

    public static readonly ProblemType UnknownActivation = new("unknown-activation", Status404NotFound,
        "Unknown activation", "The rule set has no activation with this sequence number.");

    public static readonly ProblemType UnknownDecision = new("unknown-decision", Status404NotFound,
        "Unknown decision", "No decision with this id is in the decision log.");

    public static readonly ProblemType UnknownAnalysisRun = new("unknown-analysis-run", Status404NotFound,
        "Unknown analysis run", "This API key started no analysis run with this id, or it has been forgotten.");

    public static readonly ProblemType UnknownRoute = new("unknown-route", Status404NotFound,
        "Unknown route", "No operation of the API answers this path; the OpenAPI document lists them.");

    public static readonly ProblemType MethodNotAllowed = new("method-not-allowed", Status405MethodNotAllowed,
        "Method not allowed", "This path does not answer this method; the Allow header lists those it does.");

    public static readonly ProblemType Conflict = new("conflict", Status409Conflict,
        "Conflict", "The step does not fit the current state, or another request changed it first.");

    public static readonly ProblemType UnreadableDecision = new("unreadable-decision", Status409Conflict,
        "The stored decision cannot be read",
        "The logged decision's stored payload is damaged; verification names it.");

    public static readonly ProblemType IdempotencyKeyInFlight = new("idempotency-key-in-flight", Status409Conflict,
        "A request is outstanding for this Idempotency-Key",
        "The first request with this Idempotency-Key is still being answered; retry after Retry-After seconds.");

    public static readonly ProblemType Erased = new("erased", Status410Gone,
        "Erased", "The decision's personal data was erased; the trail entry that did it is named.");

    public static readonly ProblemType PreconditionFailed = new("precondition-failed", Status412PreconditionFailed,
        "Precondition failed", "If-Match does not name the version's current content: read it again.");

    public static readonly ProblemType BodyTooLarge = new("body-too-large", Status413PayloadTooLarge,
        "The body is too large", "The request body is over the service's limit (Limits:MaxRequestBodyBytes).");

    public static readonly ProblemType UnsupportedMediaType = new("unsupported-media-type",
        Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json.");

    public static readonly ProblemType ValidationFailed = new("validation-failed", Status422UnprocessableEntity,
        "The request is not valid", "Some values are refused; 'errors' lists each with its path.");

    public static readonly ProblemType IdempotencyKeyReused = new("idempotency-key-reused",
        Status422UnprocessableEntity, "Idempotency-Key is already used",
        "The Idempotency-Key came with another request before; its answer is not this request's.");

    public static readonly ProblemType TooManyRequests = new("too-many-requests", Status429TooManyRequests,
        "Too many requests", "A limit of this API key or of the service is reached; retry after Retry-After seconds.");

    public static readonly ProblemType Unexpected = new("unexpected", Status500InternalServerError,
        "Unexpected error", "The service failed; the trace id finds the log entry.");

    public static readonly ProblemType StoreUnavailable = new("store-unavailable", Status503ServiceUnavailable,
        "The store is unavailable.", "The store cannot be reached for now; retry after Retry-After seconds.");

    /// <summary>The whole catalogue, in status order.</summary>
    public static IReadOnlyList<ProblemType> All { get; } =
    [
        MalformedRequest, InvalidParameter, IdempotencyKeyMalformed, Unauthenticated, Forbidden, FourEyes,
        UnknownRuleSet, UnknownVersion, UnknownActivation, UnknownDecision, UnknownAnalysisRun, UnknownRoute,
        MethodNotAllowed, Conflict, UnreadableDecision, IdempotencyKeyInFlight, Erased, PreconditionFailed,
        BodyTooLarge, UnsupportedMediaType, ValidationFailed, IdempotencyKeyReused, TooManyRequests, Unexpected,
        StoreUnavailable,
    ];

    /// <summary>The type of a problem the framework answers by status alone (routing, authentication).</summary>
    public static ProblemType ForStatus(int status) => status switch
    {
        Status401Unauthorized => Unauthenticated,
        Status403Forbidden => Forbidden,
        Status404NotFound => UnknownRoute,
        Status405MethodNotAllowed => MethodNotAllowed,
        Status413PayloadTooLarge => BodyTooLarge,
        Status415UnsupportedMediaType => UnsupportedMediaType,
        Status429TooManyRequests => TooManyRequests,
        Status503ServiceUnavailable => StoreUnavailable,
        >= 400 and < 500 => MalformedRequest,
        _ => Unexpected,
    };

    /// <summary>The catalogue entry of a type URI, or null for one the catalogue does not hold.</summary>
    public static ProblemType? Find(string? uri) => All.FirstOrDefault(t => t.Uri == uri);
}
