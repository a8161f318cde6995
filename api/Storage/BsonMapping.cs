using System.Globalization;
using LiteDB;

namespace Decisions.Api.Storage;

/// <summary>
/// Explicit BSON for the stored records. Times are kept as ISO 8601 text: LiteDB's own date type keeps
/// milliseconds only, and a replay needs the decision time exactly as it was.
/// </summary>
internal static class BsonMapping
{
    public static BsonDocument ToBson(RuleSetVersionRecord r) => new()
    {
        ["_id"] = Key(r.Name, r.Version),
        ["name"] = r.Name,
        ["version"] = r.Version,
        ["status"] = r.Status.ToString(),
        ["json"] = r.Json,
        ["hash"] = r.Hash,
        ["author"] = r.Author,
        ["createdAt"] = Time(r.CreatedAt),
        ["submittedBy"] = r.SubmittedBy,
        ["submittedAt"] = Time(r.SubmittedAt),
        ["reviewedBy"] = r.ReviewedBy,
        ["reviewedAt"] = Time(r.ReviewedAt),
        ["reviewComment"] = r.ReviewComment,
    };

    public static RuleSetVersionRecord ToVersion(BsonDocument d) => new()
    {
        Name = d["name"].AsString,
        Version = d["version"].AsInt32,
        Status = Enum.Parse<VersionStatus>(d["status"].AsString),
        Json = d["json"].AsString,
        Hash = d["hash"].AsString,
        Author = d["author"].AsString,
        CreatedAt = Time(d["createdAt"])!.Value,
        SubmittedBy = Text(d["submittedBy"]),
        SubmittedAt = Time(d["submittedAt"]),
        ReviewedBy = Text(d["reviewedBy"]),
        ReviewedAt = Time(d["reviewedAt"]),
        ReviewComment = Text(d["reviewComment"]),
    };

    public static BsonDocument ToBson(Activation a) => new()
    {
        ["_id"] = a.Sequence,
        ["name"] = a.Name,
        ["version"] = a.Version,
        ["effectiveAt"] = Time(a.EffectiveAt),
        ["by"] = a.By,
        ["at"] = Time(a.At),
        ["kind"] = a.Kind,
        ["cancels"] = a.Cancels is { } cancels ? cancels : BsonValue.Null,
    };

    public static Activation ToActivation(BsonDocument d) =>
        new(d["_id"].AsInt64, d["name"].AsString, d["version"].AsInt32, Time(d["effectiveAt"])!.Value,
            d["by"].AsString, Time(d["at"])!.Value, d["kind"].AsString,
            d["cancels"].IsNull ? null : d["cancels"].AsInt64);

    public static BsonDocument ToBson(AuditEntry e)
    {
        var document = AuditCore(e);
        // Written only when present: entries of older versions of the service have neither field.
        if (e.EffectiveAt is { } effectiveAt)
        {
            document["effectiveAt"] = Time(effectiveAt);
        }

        if (e.Cancels is { } cancels)
        {
            document["cancels"] = cancels;
        }

        return document;
    }

    private static BsonDocument AuditCore(AuditEntry e) => new()
    {
        ["_id"] = e.Sequence,
        ["at"] = Time(e.At),
        ["actor"] = e.Actor,
        ["action"] = e.Action,
        ["ruleSet"] = e.RuleSet,
        ["version"] = e.Version is { } v ? new BsonValue(v) : BsonValue.Null,
        ["contentHash"] = e.ContentHash,
        ["comment"] = e.Comment,
        ["previousHash"] = e.PreviousHash,
        ["hash"] = e.Hash,
    };

    public static AuditEntry ToAudit(BsonDocument d) =>
        new(d["_id"].AsInt64, Time(d["at"])!.Value, d["actor"].AsString, d["action"].AsString, d["ruleSet"].AsString,
            d["version"].IsNull ? null : d["version"].AsInt32, Text(d["contentHash"]), Text(d["comment"]),
            d["previousHash"].AsString, d["hash"].AsString,
            Time(d["effectiveAt"]), d["cancels"].IsNull ? null : d["cancels"].AsInt64);

    /// <summary>A decision logged before blocks, one document each (input and output Brotli-compressed).</summary>
    public static DecisionRecord ToDecision(BsonDocument d)
    {
        var erasure = ErasureMapping.Of(d);
        var (input, output) = erasure is null ? Payload.Unpack(d["payload"].AsBinary) : ("", "");
        return new DecisionRecord
        {
            Id = d["_id"].AsString,
            Sequence = d["seq"].AsInt64,
            DecidedAt = Time(d["decidedAt"])!.Value,
            RuleSet = d["ruleSet"].AsString,
            Version = d["version"].AsInt32,
            RuleSetHash = d["ruleSetHash"].AsString,
            CustomerId = Text(d["customerId"]),
            AsOf = Time(d["asOf"])!.Value,
            Input = input,
            Output = output,
            PreviousHash = d["previousHash"].AsString,
            Hash = d["hash"].AsString,
            Idempotency = d["idempotencyKey"].IsNull
                ? null
                : new IdempotencyTag(d["idempotencyKey"].AsString, d["requestDigest"].AsString, d["itemIndex"].AsInt32),
            Erasure = erasure,
        };
    }

    public static string Key(string name, int version) => $"{name}/{version}";

    private static BsonValue Time(DateTimeOffset? time) =>
        time is { } t ? new BsonValue(t.ToString("O", CultureInfo.InvariantCulture)) : BsonValue.Null;

    private static DateTimeOffset? Time(BsonValue value) =>
        value.IsNull ? null : DateTimeOffset.ParseExact(value.AsString, "O", CultureInfo.InvariantCulture);

    private static string? Text(BsonValue value) => value.IsNull ? null : value.AsString;
}
