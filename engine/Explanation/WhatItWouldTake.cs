using System.Buffers;
using System.Text.Json;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;

namespace Decisions.Engine.Explanation;

/// <summary>
/// What it would take to reach each tier ranked above the decided one: for each input field the rule set compares
/// (see <see cref="Probe"/>), the smallest change of that field alone that gives the tier, everything else equal.
/// </summary>
/// <remarks>
/// <para>Candidates come from the rule set itself: the values each field is compared with (literals, parameters,
/// scores, other fields, list items, points-table rows) and, for numbers, one smallest step either side, tried nearest
/// to the customer's value first. Each candidate is <b>confirmed by deciding again</b> with the changed input (the
/// whole decision, input validation included); the first that gives the tier is the answer for that field.</para>
/// <para>For a field the decision depends on monotonically (a threshold), the boundary is the exact smallest change.
/// For a field that is not monotone (a band, a score that rises and falls), only the boundary points are tried, so an
/// answer is never wrong, since every answer was decided again, but a change that exists between boundaries may not be
/// found. Dates and lists are not changed. The work is bounded: at most <see cref="CandidateValues.MaxPerField"/>
/// values per field and <see cref="MaxTrialsPerTier"/> decisions per tier.</para>
/// </remarks>
internal sealed class WhatItWouldTake(RuleSet definition, Probe[][] tierProbes,
    IReadOnlyDictionary<string, string> labels)
{
    /// <summary>At most this many decisions are made again per tier.</summary>
    public const int MaxTrialsPerTier = 48;

    /// <summary>For each tier ranked above <paramref name="decided"/>, the single-input changes that give it.</summary>
    public IReadOnlyList<TierChanges> Find(
        CompiledRuleSet ruleSet, Facts facts, int decided, JsonElement customer, CancellationToken cancellationToken)
    {
        var found = new List<TierChanges>(decided);
        for (var tier = 0; tier < decided; tier++)
        {
            var code = definition.Tiers.Rules[tier].Code;
            var changes = new List<InputChange>();
            var trials = 0;
            foreach (var probes in tierProbes[tier].GroupBy(probe => probe.Field, StringComparer.Ordinal))
            {
                if (!definition.Input.TryGetValue(probes.Key, out var field))
                {
                    continue;
                }

                var from = CandidateValues.Current(customer, probes.Key, field.Type);
                foreach (var to in CandidateValues.For(field, from,
                    probes.SelectMany(probe => Boundaries(probe, facts))))
                {
                    if (trials++ >= MaxTrialsPerTier)
                    {
                        break;
                    }

                    if (TierWith(ruleSet, customer, probes.Key, to, facts.AsOf, cancellationToken) == code)
                    {
                        var label = labels.GetValueOrDefault("customer." + probes.Key);
                        changes.Add(
                            new InputChange(probes.Key, from, to, label, CandidateValues.Difference(from, to)));
                        break;
                    }
                }
            }

            found.Add(new TierChanges(code, changes));
        }

        return found;
    }

    private static IEnumerable<object?> Boundaries(Probe probe, Facts facts)
    {
        try
        {
            return [.. probe.Values(facts)];
        }
        catch (Exception exception) when (CompiledRuleSet.IsRuleError(exception))
        {
            // A boundary that cannot be read for this customer offers no candidate.
            return [];
        }
    }

    // The tier decided for the customer with one field changed, or null when that input is refused or fails.
    private static string? TierWith(
        CompiledRuleSet ruleSet, JsonElement customer, string field, object value, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in customer.EnumerateObject())
            {
                if (!property.NameEquals(field))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WritePropertyName(field);
            JsonSerializer.Serialize(writer, value);
            writer.WriteEndObject();
        }

        using var changed = JsonDocument.Parse(buffer.WrittenMemory);
        return ruleSet.Evaluate(changed.RootElement, asOf, ExplainLevel.None, cancellationToken).Decision?.Tier.Code;
    }
}
