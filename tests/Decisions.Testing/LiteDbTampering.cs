using Decisions.Api.Storage;
using LiteDB;

namespace Decisions.Testing;

/// <summary>Edits the closed LiteDB file directly, as anyone who can write the file can.</summary>
public sealed class LiteDbTampering(string path) : StoreTampering
{
    /// <summary>Decisions of files written before blocks, then those of every block, in sequence order.</summary>
    public override IReadOnlyList<DecisionRecord> Decisions() => Use(db =>
        db.GetCollection("decisions").Query().OrderBy("seq").ToEnumerable().Select(BsonMapping.ToDecision)
            .Concat(db.GetCollection(BlockMapping.Collection).Query().OrderBy("_id").ToEnumerable()
                .SelectMany(block => Enumerable.Range(0, block["entries"].AsArray.Count)
                    .Select(index => BlockMapping.ToDecision(block, index))))
            .ToList());

    public override IReadOnlyList<AuditEntry> Audit() =>
        Use(db => db.GetCollection("audit").FindAll().Select(BsonMapping.ToAudit).OrderBy(e => e.Sequence).ToList());

    public override IReadOnlyList<Activation> Activations() =>
        Use(db => db.GetCollection("activations")
            .FindAll()
            .Select(BsonMapping.ToActivation)
            .OrderBy(a => a.Sequence)
            .ToList());

    public override RuleSetVersionRecord Version(string name, int version) =>
        Use(db => BsonMapping.ToVersion(db.GetCollection("versions").FindById(BsonMapping.Key(name, version))));

    public override void WriteVersion(RuleSetVersionRecord version) =>
        Use(db => db.GetCollection("versions").Upsert(BsonMapping.ToBson(version)));

    /// <summary>Writes the decisions back as one block, as the service's writer would have linked them.</summary>
    protected override void ReplaceDecisions(IReadOnlyList<DecisionRecord> decisions)
    {
        Replace("decisions", []);
        var blocks = decisions is [var first, ..]
            ? [BlockMapping.ToBson(new DecisionBlock(
                new ChainHead(first.Sequence - 1, first.PreviousHash),
                [.. decisions.Select(d => new PendingDecision(d, Chain.Digest(d)))],
                decisions))]
            : Array.Empty<BsonDocument>();
        Replace(BlockMapping.Collection, blocks);
    }

    protected override void ReplaceAudit(IReadOnlyList<AuditEntry> entries) =>
        Replace("audit", entries.Select(BsonMapping.ToBson));

    protected override void ReplaceActivations(IReadOnlyList<Activation> activations) =>
        Replace("activations", activations.Select(BsonMapping.ToBson));

    private void Replace(string collection, IEnumerable<BsonDocument> documents) => Use(db =>
    {
        var target = db.GetCollection(collection);
        target.DeleteAll();
        return target.InsertBulk(documents);
    });

    private T Use<T>(Func<LiteDatabase, T> use)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = path,
            Connection = ConnectionType.Direct });
        return use(database);
    }
}
