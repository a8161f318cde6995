using System.Text.Json;
using Decisions.Api.Outcomes;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;

namespace Decisions.Api.Decisions;

/// <summary>
/// The <c>explain</c> option of a decision request (query parameter or body property) and how an answer records
/// the level it was given at, so that replay rebuilds the same answer: an answer without <c>explain</c> was given
/// before explanations existed and is replayed with its rule-level trace and nothing more.
/// </summary>
public static class ExplainOption
{
    public const string Description =
        "How much explanation the answer carries: 'reasons' (the default: the conditions, with their values, that "
        + "decided the tier, each privilege and the next action), 'full' (plus every comparison of every rule in "
        + "'trace', and 'whyNot' for each tier above the decided one) or 'counterfactual' (plus 'whatItWouldTake': "
        + "for each tier above, the smallest change of one input that gives it, each confirmed by deciding again).";

    private static readonly string[] Names = ["reasons", "full", "counterfactual"];

    /// <summary>
    /// The level asked for by <paramref name="query"/> or <paramref name="body"/> (reasons when neither), or why it
    /// is refused.
    /// </summary>
    public static Failure.Invalid? Parse(string? query, string? body, out ExplainLevel level)
    {
        level = ExplainLevel.Reasons;
        if (query is not null && body is not null && !string.Equals(query, body, StringComparison.Ordinal))
        {
            return Refused($"The query says '{query}' and the body '{body}': give one, or the same in both.");
        }

        var index = Array.IndexOf(Names, query ?? body ?? Names[0]);
        if (index < 0)
        {
            return Refused($"'{query ?? body}' is not one of: {string.Join(", ", Names)}.");
        }

        level = (ExplainLevel)(index + 1);
        return null;
    }

    /// <summary>
    /// The name an answer records for <paramref name="level"/>; null for answers without explanations.
    /// </summary>
    public static string? Name(ExplainLevel level) => level == ExplainLevel.None ? null : Names[(int)level - 1];

    /// <summary>The level a logged answer was given at.</summary>
    public static ExplainLevel Recorded(JsonElement answer) =>
        answer.TryGetProperty("explain", out var name) && name.ValueKind == JsonValueKind.String
            ? Array.IndexOf(Names, name.GetString()) + 1 is > 0 and var level ? (ExplainLevel)level : ExplainLevel.None
            : ExplainLevel.None;

    /// <summary>
    /// The level a logged answer, as UTF-8, was given at: its top-level properties are read past without building a
    /// document, since streamed replay meets it once per logged decision.
    /// </summary>
    public static ExplainLevel Recorded(ReadOnlySpan<byte> answer)
    {
        var reader = new Utf8JsonReader(answer);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return ExplainLevel.None;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var explain = reader.ValueTextEquals("explain"u8);
            reader.Read();
            if (explain && reader.TokenType == JsonTokenType.String)
            {
                return Array.IndexOf(Names, reader.GetString()) + 1 is > 0 and var level
                    ? (ExplainLevel)level
                    : ExplainLevel.None;
            }

            reader.Skip();
        }

        return ExplainLevel.None;
    }

    private static Failure.Invalid Refused(string message) =>
        new("The explain option is not one the service knows.", [new Problem("explain", message)]);
}
