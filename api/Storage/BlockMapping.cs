using System.Globalization;
using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// A decision block as one LiteDB document in <c>blocks</c>: <c>_id</c> is its first sequence, <c>entries</c> its
/// decisions in order, each with its own compressed payload (packed on the request thread, in parallel), its
/// content digest and its link hash. Lookups by id, customer and idempotency key use multikey indexes over the
/// entries, so a block costs one document insert whatever its size.
/// </summary>
internal static class BlockMapping
{
    public const string Collection = "blocks";

    /// <summary>Index name and expression of each lookup over the entries.</summary>
    public static readonly (string Name, string Expression)[] Indexes =
    [
        ("ids", "$.entries[*].id"),
        ("customers", "$.entries[*].customerId"),
        ("keys", "$.entries[*].key"),
        ("ceilings", "$." + BlockTimes.CeilingField),
    ];

    public static BsonDocument ToBson(DecisionBlock block)
    {
        var entries = new BsonArray();
        for (var i = 0; i < block.Linked.Count; i++)
        {
            var (r, pending) = (block.Linked[i], block.Pending[i]);
            entries.Add(new BsonDocument
            {
                ["id"] = r.Id,
                ["decidedAt"] = Time(r.DecidedAt),
                ["ticks"] = r.DecidedAt.UtcTicks,
                ["ruleSet"] = r.RuleSet,
                ["version"] = r.Version,
                ["ruleSetHash"] = r.RuleSetHash,
                ["customerId"] = r.CustomerId,
                ["asOf"] = Time(r.AsOf),
                ["payload"] = pending.Packed ?? Payload.Pack(r.Input, r.Output),
                ["digest"] = pending.Digest,
                ["hash"] = r.Hash,
                ["key"] = r.Idempotency?.Key,
                ["requestDigest"] = r.Idempotency?.RequestDigest,
                ["itemIndex"] = r.Idempotency?.Index ?? 0,
                ["traceId"] = r.TraceId,
                ["caller"] = r.Caller,
            });
        }

        return new BsonDocument
        {
            ["_id"] = block.First,
            ["last"] = block.Head.Sequence,
            ["previousHash"] = block.Previous.Hash,
            ["head"] = block.Head.Hash,
            ["entries"] = entries,
        };
    }

    public static ChainHead Head(BsonDocument block) => new(block["last"].AsInt64, block["head"].AsString);

    /// <summary>The block's rows, newest first, each read only when its page is built.</summary>
    public static IEnumerable<(BsonDocument Entry, StoredDecision Row)> RowsNewestFirst(BsonDocument block)
    {
        var entries = block["entries"].AsArray;
        var first = block["_id"].AsInt64;
        for (var i = entries.Count - 1; i >= 0; i--)
        {
            var index = i;
            var entry = entries[i].AsDocument;
            var customer = entry["customerId"];
            yield return (entry, new StoredDecision(
                entry["id"].AsString, first + i, customer.IsNull ? null : customer.AsString,
                ErasureMapping.IsErased(entry), () => ToDecision(block, index))
            {
                Decode = buffer => Decoded(block, index, buffer),
            });
        }
    }

    public static DecisionRecord ToDecision(BsonDocument block, int index)
    {
        var entry = block["entries"].AsArray[index].AsDocument;
        var record = WithoutPayload(block, index);
        var (input, output) = record.Erasure is null ? Payload.Unpack(entry["payload"].AsBinary) : ("", "");
        return record with { Input = input, Output = output };
    }

    /// <summary>A decision not erased, its input and output left as UTF-8 in <paramref name="buffer"/>.</summary>
    private static DecodedDecision Decoded(BsonDocument block, int index, PayloadBuffer buffer)
    {
        var (input, output) = Payload.Unpack(block["entries"].AsArray[index]["payload"].AsBinary, buffer);
        return new DecodedDecision(WithoutPayload(block, index), input, output);
    }

    private static DecisionRecord WithoutPayload(BsonDocument block, int index)
    {
        var entries = block["entries"].AsArray;
        var e = entries[index].AsDocument;
        return new DecisionRecord
        {
            Id = e["id"].AsString,
            Sequence = block["_id"].AsInt64 + index,
            DecidedAt = Time(e["decidedAt"]),
            RuleSet = e["ruleSet"].AsString,
            Version = e["version"].AsInt32,
            RuleSetHash = e["ruleSetHash"].AsString,
            CustomerId = e["customerId"].IsNull ? null : e["customerId"].AsString,
            AsOf = Time(e["asOf"]),
            Input = "",
            Output = "",
            PreviousHash = index == 0 ? block["previousHash"].AsString : entries[index - 1]["hash"].AsString,
            Hash = e["hash"].AsString,
            Idempotency = e["key"].IsNull
                ? null
                : new IdempotencyTag(e["key"].AsString, e["requestDigest"].AsString, e["itemIndex"].AsInt32),
            Erasure = ErasureMapping.Of(e),
            // Entries of blocks written before these were recorded lack both fields, which LiteDB reads as null.
            TraceId = e["traceId"].IsNull ? null : e["traceId"].AsString,
            Caller = e["caller"].IsNull ? null : e["caller"].AsString,
        };
    }

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(BsonValue value) =>
        DateTimeOffset.ParseExact(value.AsString, "O", CultureInfo.InvariantCulture);
}
