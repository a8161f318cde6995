using LiteDB;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Storage;

/// <summary>
/// The LiteDB store: one file per service, held by one process (a lock file, since LiteDB's direct mode
/// does not stop a second process on Linux), written by one <see cref="LiteDbWriter"/>. Collections are
/// append-only except drafts, because LiteDB deletes trigger a known corruption class.
/// </summary>
public sealed partial class LiteDbStore : IRuleSetStore, IDecisionLog, IAuditTrail, IAsyncDisposable, IDisposable
{
    private readonly FileStream _lock;
    private readonly string _path;
    private readonly string _backups;
    private readonly TimeProvider _clock;
    private readonly LiteDatabase _database;
    private readonly LiteDbWriter _writer;
    private readonly ILiteCollection<BsonDocument> _versions;
    private readonly ILiteCollection<BsonDocument> _activations;
    private readonly ILiteCollection<BsonDocument> _audit;
    private readonly ILiteCollection<BsonDocument> _decisions;
    private (long Sequence, string Hash) _lastAudit;
    private (long Sequence, string Hash) _lastDecision;
    private ((long, string) Audit, (long, string) Decision) _saved;

    public LiteDbStore(IOptions<LiteDbOptions> options, IHostEnvironment environment, TimeProvider clock)
    {
        var path = _path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        _backups = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.BackupDirectory));
        _clock = clock;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            _lock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException($"The store {path} is in use by another process.", exception);
        }

        _database = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        _versions = _database.GetCollection("versions");
        _activations = _database.GetCollection("activations");
        _audit = _database.GetCollection("audit");
        _decisions = _database.GetCollection("decisions");
        _decisions.EnsureIndex("seq", unique: true);
        _decisions.EnsureIndex("customerId");
        _decisions.EnsureIndex("decidedAtTicks");
        _decisions.EnsureIndex("ruleSet");
        _decisions.EnsureIndex("idempotencyKey");
        _lastAudit = Last(_audit, "_id");
        _lastDecision = Last(_decisions, "seq");
        _writer = new LiteDbWriter(
            _database,
            options.Value.MaxBatch,
            () => _saved = (_lastAudit, _lastDecision),
            () => (_lastAudit, _lastDecision) = _saved);
    }

    public Task<IReadOnlyList<RuleSetVersionRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RuleSetVersionRecord>>([.. _versions.FindAll().Select(BsonMapping.ToVersion)]);

    public Task<RuleSetVersionRecord?> GetAsync(string name, int version, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.FindById(BsonMapping.Key(name, version)) is { } doc ? BsonMapping.ToVersion(doc) : null);

    public Task<IReadOnlyList<Activation>> ActivationsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StoredActivations());

    public Task SaveAsync(RuleSetVersionRecord record, RuleSetVersionRecord? expected, AuditDraft audit, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var current = _versions.FindById(BsonMapping.Key(record.Name, record.Version)) is { } doc ? BsonMapping.ToVersion(doc) : null;
            if (current?.Status != expected?.Status || current?.Hash != expected?.Hash)
            {
                throw new ConcurrencyException($"Version {record.Version} of '{record.Name}' was changed by another request.");
            }

            _versions.Upsert(BsonMapping.ToBson(record));
            AppendAudit(audit);
            return true;
        }, cancellationToken);

    public Task<Activation> ActivateAsync(Activation activation, AuditDraft audit, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var numbered = activation with { Sequence = _activations.Count() + 1L };
            _activations.Insert(BsonMapping.ToBson(numbered));
            AppendAudit(audit);
            return numbered;
        }, cancellationToken);

    public Task<DecisionRecord> AppendAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        // The heavy work (digest, compression) happens here, in parallel; the one writer only links and inserts.
        var digest = Chain.Digest(record);
        var payload = Payload.Pack(record.Input, record.Output);
        return _writer.WriteAsync(db =>
        {
            var chained = record with { Sequence = _lastDecision.Sequence + 1, PreviousHash = _lastDecision.Hash };
            chained = chained with { Hash = Chain.Of(chained, digest) };
            _decisions.Insert(BsonMapping.ToBson(chained, payload));
            _lastDecision = (chained.Sequence, chained.Hash);
            return chained;
        }, cancellationToken);
    }

    public Task<DecisionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var page = DecisionPage.Of(_decisions.Find(Query.EQ("_id", id)).Select(Stored), 1);
        return page.Unreadable is [var unreadable, ..]
            ? throw new UnreadableDecisionException(unreadable)
            : Task.FromResult(page.Decisions.SingleOrDefault());
    }

    /// <summary>
    /// A customer's decisions come from the customer index (few); every other search walks the sequence index
    /// down from the cursor and filters as it goes, so a page costs its own size and never sorts the whole log.
    /// </summary>
    public Task<DecisionPage> SearchAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var candidates = query.CustomerId is { } customer
            ? _decisions.Query().Where("customerId = @0", customer).OrderByDescending("seq").ToEnumerable()
            : _decisions.Query().Where("seq < @0", query.Before ?? long.MaxValue).OrderByDescending("seq").ToEnumerable();
        var rows = candidates.TakeWhile(_ => !cancellationToken.IsCancellationRequested).Where(d => Matches(d, query)).Select(Stored);
        var page = DecisionPage.Of(rows, query.Limit, query.CheckPayload);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(page);
    }

    public Task<IReadOnlyList<DecisionRecord>> FindByIdempotencyKeyAsync(string key, CancellationToken cancellationToken)
    {
        var page = DecisionPage.Of(_decisions.Find(Query.EQ("idempotencyKey", key)).Select(Stored), int.MaxValue);
        return page.Unreadable is [var unreadable, ..]
            ? throw new UnreadableDecisionException(unreadable)
            : Task.FromResult<IReadOnlyList<DecisionRecord>>([.. page.Decisions.OrderBy(d => d.Idempotency!.Index)]);
    }

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? ruleSet, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _audit.FindAll().Select(BsonMapping.ToAudit)
            .Where(entry => ruleSet is null || entry.RuleSet == ruleSet).OrderBy(entry => entry.Sequence)]);

    /// <summary>Drains the writer (every queued write commits), then closes the file: graceful shutdown loses nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        _database.Dispose();
        await _lock.DisposeAsync().ConfigureAwait(false);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void AppendAudit(AuditDraft draft)
    {
        var entry = draft.Chained(_lastAudit.Sequence + 1, _lastAudit.Hash);
        _audit.Insert(BsonMapping.ToBson(entry));
        _lastAudit = (entry.Sequence, entry.Hash);
    }

    private IReadOnlyList<Activation> StoredActivations() =>
        [.. _activations.FindAll().Select(BsonMapping.ToActivation).OrderBy(a => a.Sequence)];

    private static bool Matches(BsonDocument d, DecisionQuery query) =>
        (query.CustomerId is null || d["customerId"] == query.CustomerId)
        && (query.RuleSet is null || d["ruleSet"] == query.RuleSet)
        && (query.From is not { } from || d["decidedAtTicks"].AsInt64 >= from.UtcTicks)
        && (query.To is not { } to || d["decidedAtTicks"].AsInt64 < to.UtcTicks)
        && (query.Before is not { } before || d["seq"].AsInt64 < before);

    private static StoredDecision Stored(BsonDocument d) => new(d["_id"].AsString, d["seq"].AsInt64, () => BsonMapping.ToDecision(d));

    private static (long, string) Last(ILiteCollection<BsonDocument> collection, string sequenceField)
    {
        var last = collection.Query().OrderByDescending(sequenceField).Limit(1).FirstOrDefault();
        return last is null ? (0, Chain.Genesis) : (last[sequenceField].AsInt64, last["hash"].AsString);
    }
}
