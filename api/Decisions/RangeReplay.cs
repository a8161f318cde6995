using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Decisions.Api.Analysis;
using Decisions.Api.Limits;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Decisions.Engine.Compilation;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Decisions.Api.Decisions;

/// <summary>
/// Replays the logged decisions of a time range as a stream (<see cref="ReDecisions"/>) and counts how many come out
/// identical. Each decision is re-decided with the version it names, checked against the content hash it recorded.
/// </summary>
public sealed class RangeReplay(
    IDecisionLog log, IRuleSetStore store, RuleSetRegistry registry, IOptions<JsonOptions> json,
    IOptions<AnalysisLimitOptions> limits)
{
    private const int SampleSize = 20;
    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    // As the serializer writes a string: the same escaping and indentation, so equal answers are equal bytes.
    private readonly JsonWriterOptions _writer = new()
    {
        Encoder = json.Value.SerializerOptions.Encoder,
        Indented = json.Value.SerializerOptions.WriteIndented,
        MaxDepth = json.Value.SerializerOptions.MaxDepth,
    };

    public async Task<ReplaySummary> RunAsync(
        DecisionQuery query, AnalysisProgress progress, CancellationToken cancellationToken)
    {
        query = query with { CheckPayload = false };
        progress.Ends(await log.FirstSequenceAsync(query.From ?? DateTimeOffset.MinValue, cancellationToken));
        var versions = new ConcurrentDictionary<(string, int), Task<CompiledRuleSet?>>();
        var tallies = await ReDecisions.ReDecideAsync(
            log.PagesAsync(query, limits.Value.PageSize, cancellationToken),
            _ => true,
            () => new Tally(),
            async (tally, decoded, token) =>
            {
                var record = decoded.Record;
                var version = await versions.GetOrAdd((record.RuleSet, record.Version), key => Version(key, token));
                var identical = version is null || version.Ref.Hash != record.RuleSetHash
                    ? null
                    : Identical(version, decoded, tally.Replayed, token);
                (identical switch { null => tally.Failed, false => tally.Different, true => null })?.Add(
                    record.Sequence, record.Id);
                tally.Identical += identical == true ? 1 : 0;
            },
            (tally, unreadable) => tally.Failed.Add(unreadable.Sequence, unreadable.Id),
            progress,
            long.MaxValue,
            cancellationToken);
        var all = tallies.Aggregate((a, b) => a.Merge(b));
        return new ReplaySummary(
            (int)(progress.Read - progress.Erased), all.Identical, all.Different.Count, all.Failed.Count,
            all.Different.Ids, all.Failed.Ids, (int)progress.Erased);
    }

    private async Task<CompiledRuleSet?> Version((string Name, int Number) key, CancellationToken cancellationToken)
    {
        try
        {
            return await store.GetAsync(key.Name, key.Number, cancellationToken) is { } version
                ? registry.Compile(version)
                : null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // Re-decided at the level the answer was given at (read from the answer). The answer is logged as this serializer
    // wrote it, so equal UTF-8 is the common, cheap case (written into the worker's buffer, compared with the logged
    // bytes, no text decoded); otherwise the documents are compared as JSON, key order aside, exactly as the single
    // replay does.
    // Null when the logged payload is not JSON: the log is read unchecked, since this parses it anyway.
    private bool? Identical(
        CompiledRuleSet version, DecodedDecision decoded, ArrayBufferWriter<byte> replayed,
        CancellationToken cancellationToken)
    {
        try
        {
            return Compare(version, decoded, replayed, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private bool Compare(
        CompiledRuleSet version, DecodedDecision decoded, ArrayBufferWriter<byte> replayed,
        CancellationToken cancellationToken)
    {
        var record = decoded.Record;
        using var input = JsonDocument.Parse(decoded.Input);
        var level = ExplainOption.Recorded(decoded.Output.Span);
        if (version.Evaluate(input.RootElement, record.AsOf, level, cancellationToken).Decision is not { } decision)
        {
            return false;
        }

        replayed.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(replayed, _writer))
        {
            JsonSerializer.Serialize(
                writer, DecisionResponse.From(record.Id, record.DecidedAt, decision, level), _json);
        }

        if (replayed.WrittenSpan.SequenceEqual(decoded.Output.Span))
        {
            return true;
        }

        using var recorded = JsonDocument.Parse(decoded.Output);
        using var now = JsonDocument.Parse(replayed.WrittenMemory);
        return JsonDiff.Compare(recorded.RootElement, now.RootElement).Count == 0;
    }

    private sealed class Tally
    {
        /// <summary>The worker's buffer for the answers it replays.</summary>
        public ArrayBufferWriter<byte> Replayed { get; } = new(16 * 1024);

        public int Identical { get; set; }

        public Samples<string> Different { get; } = new(SampleSize);

        public Samples<string> Failed { get; } = new(SampleSize);

        public Tally Merge(Tally other)
        {
            Identical += other.Identical;
            Different.Merge(other.Different);
            Failed.Merge(other.Failed);
            return this;
        }
    }
}
