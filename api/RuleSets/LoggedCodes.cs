using System.Text.Json;
using Decisions.Api.Decisions;
using Decisions.Engine.Model;

namespace Decisions.Api.RuleSets;

/// <summary>
/// The codes impact compares in a logged answer: its tier, privileges and next action ("" for none), by the names
/// <see cref="LoggedAnswerShape"/> gives them, read from its
/// UTF-8 with a reader instead of parsing the whole answer into a document (the trace is most of it). The rest is
/// only read through, so that a damaged answer still counts as failed.
/// </summary>
internal sealed record LoggedCodes(string Tier, HashSet<string> Privileges, string Action)
{
    /// <summary>The codes of a decision just made; null when it failed.</summary>
    public static LoggedCodes? Of(Decision? decision) => decision is null ? null
        : new(decision.Tier.Code, decision.Privileges.Select(p => p.Code).ToHashSet(StringComparer.Ordinal),
            decision.NextAction?.Code ?? "");

    /// <exception cref="JsonException">The answer is not whole JSON, or has no tier or privileges.</exception>
    public static LoggedCodes Read(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        Expect(ref reader, JsonTokenType.StartObject);
        var (tier, privileges, action) = ((string?)null, (HashSet<string>?)null, (string?)null);
        while (Next(ref reader).TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            Next(ref reader);
            if (name.ValueTextEquals(LoggedAnswerShape.TierUtf8))
            {
                tier = Code(ref reader);
            }
            else if (name.ValueTextEquals(LoggedAnswerShape.PrivilegesUtf8))
            {
                privileges = Codes(ref reader);
            }
            else if (name.ValueTextEquals(LoggedAnswerShape.NextActionUtf8))
            {
                action = reader.TokenType == JsonTokenType.StartObject ? Code(ref reader) : Skipped(ref reader, "");
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            throw new JsonException("The logged answer goes on after its end.");
        }

        return tier is not null && privileges is not null
            ? new LoggedCodes(tier, privileges, action ?? "")
            : throw new JsonException("The logged answer has no tier or no privileges.");
    }

    private static HashSet<string> Codes(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("The logged privileges are not a list.");
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader).TokenType != JsonTokenType.EndArray)
        {
            codes.Add(Code(ref reader));
        }

        return codes;
    }

    /// <summary>The <c>code</c> of the object the reader is at; the reader is left at its end.</summary>
    private static string Code(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A logged tier, privilege or action is not an object.");
        }

        string? code = null;
        while (Next(ref reader).TokenType == JsonTokenType.PropertyName)
        {
            var isCode = reader.ValueTextEquals(LoggedAnswerShape.CodeUtf8);
            Next(ref reader);
            code = isCode ? reader.GetString() : Skipped(ref reader, code);
        }

        return code ?? throw new JsonException("A logged tier, privilege or action has no code.");
    }

    private static T Skipped<T>(ref Utf8JsonReader reader, T value)
    {
        reader.Skip();
        return value;
    }

    private static ref Utf8JsonReader Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The logged answer ends early.");
        }

        return ref reader;
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType token)
    {
        if (Next(ref reader).TokenType != token)
        {
            throw new JsonException($"The logged answer does not start with {token}.");
        }
    }
}
