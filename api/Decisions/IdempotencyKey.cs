using Decisions.Api.Outcomes;

namespace Decisions.Api.Decisions;

/// <summary>
/// A client's <c>Idempotency-Key</c>, scoped to the API key that sent it: two teller systems may pick the same
/// key without ever getting each other's decisions.
/// </summary>
public sealed record IdempotencyKey(string Caller, string Value)
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 255;

    public const string Description =
        "Makes a retry safe: a request repeated with the same key and body within the idempotency window gets the "
        + "first answer back (same decisionId), logged once. The same key with another body is 422; while the first "
        + "request is still being decided by another replica, 409 with Retry-After. 1 to 255 printable ASCII "
        + "characters, bare or as a quoted structured-field string; scoped to the calling API key.";

    /// <summary>What the log's idempotency tag holds: the caller's name, length-prefixed so no pair collides.</summary>
    public string Scoped => $"{Caller.Length}:{Caller}:{Value}";

    /// <summary>
    /// The header's value: a structured-field string (RFC 8941, <c>"..."</c>, as the draft writes it) or, as most
    /// clients send it, the bare text; 1 to <see cref="MaxLength"/> printable ASCII characters either way.
    /// </summary>
    public static Outcome<IdempotencyKey> Parse(string header, string caller)
    {
        var value = header.Length >= 2 && header[0] == '"' && header[^1] == '"' ? Unquote(header[1..^1]) : header;
        if (value is null || value.Length is 0 or > MaxLength || value.Any(c => c is < ' ' or > '~'))
        {
            return new Failure.KeyMalformed(
                $"An {Header} is 1 to {MaxLength} printable ASCII characters, bare or as a quoted string.");
        }

        return new IdempotencyKey(caller, value);
    }

    // RFC 8941 section 3.3.3: a backslash escapes only '"' and '\'; a lone quote cannot appear inside.
    private static string? Unquote(string quoted)
    {
        var text = new System.Text.StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            var c = quoted[i];
            if (c == '"' || (c == '\\' && (i + 1 == quoted.Length || quoted[i + 1] is not ('"' or '\\'))))
            {
                return null;
            }

            text.Append(c == '\\' ? quoted[++i] : c);
        }

        return text.ToString();
    }
}
