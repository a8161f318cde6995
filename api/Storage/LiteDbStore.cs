using Decisions.Api.Storage.Journal;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Storage;

/// <summary>
/// The LiteDB store: one file per service, held by one process (a lock file, since LiteDB's direct mode
/// does not stop a second process on Linux), written by one <see cref="LiteDbWriter"/>. Collections are
/// append-only except drafts, because LiteDB deletes trigger a known corruption class.
/// </summary>
public sealed partial class LiteDbStore : IRuleSetStore, IDecisionLog, IAuditTrail, IBlockStore,
IAsyncDisposable, IDisposable
{
    private readonly FileStream _lock;
    private readonly string _path;
    private readonly string _backups;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly TimeSpan _indexWait;
    private readonly LiteDatabase _database;
    private readonly LiteDbWriter _writer;
    private readonly ILiteCollection<BsonDocument> _versions;
    private readonly ILiteCollection<BsonDocument> _activations;
    private readonly ILiteCollection<BsonDocument> _audit;
    private readonly ILiteCollection<BsonDocument> _blocks;
    private readonly ILiteCollection<BsonDocument>? _legacy;
    private readonly DecisionWriter _decisionWriter;
    private (long Sequence, string Hash) _lastAudit;
    private ChainHead _lastDecision;
    private ((long, string) Audit, ChainHead Decision) _saved;

    public LiteDbStore(IOptions<LiteDbOptions> options, IHostEnvironment environment, TimeProvider clock,
        ILogger<LiteDbStore> logger)
    {
        _logger = logger;
        _indexWait = options.Value.IndexWait;
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
        _blocks = _database.GetCollection(BlockMapping.Collection);
        foreach (var (name, expression) in BlockMapping.Indexes)
        {
            _blocks.EnsureIndex(name, expression);
        }

        // A file written before blocks keeps its per-decision documents, read as they are: the legacy chain's
        // head is where the first block links on.
        _legacy = _database.CollectionExists(LegacyCollection) ? _database.GetCollection(LegacyCollection) : null;
        _lastAudit = Last(_audit, "_id");
        _lastDecision = LastDecision();
        try
        {
            _journal = new DecisionJournal(path + ".journal", options.Value.JournalBytes);
            ReplayJournal();
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or LiteException)
        {
            _database.Rollback();
            _journal?.Dispose();
            _database.Dispose();
            _lock.Dispose();
            throw;
        }

        DecisionLogMetrics.Observed(_journalHead);
        _writer = new LiteDbWriter(
            _database,
            options.Value.MaxBatch,
            () => _saved = (_lastAudit, _lastDecision),
            () => (_lastAudit, _lastDecision) = _saved);
        _indexer = new JournalIndexer(_lastDecision.Sequence, IndexAsync);
        _decisionWriter = new DecisionWriter(this, options.Value.MaxBatch);
    }

    public DecisionWriter Writer => _decisionWriter;

    public Task<IReadOnlyList<RuleSetVersionRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RuleSetVersionRecord>>([.. _versions.FindAll().Select(BsonMapping.ToVersion)]);

    public Task<RuleSetVersionRecord?> GetAsync(string name, int version, CancellationToken cancellationToken) =>
        Task.FromResult(
            _versions.FindById(BsonMapping.Key(name, version)) is { } doc ? BsonMapping.ToVersion(doc) : null);

    public Task<IReadOnlyList<Activation>> ActivationsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(StoredActivations());

    public Task SaveAsync(RuleSetVersionRecord record, RuleSetVersionRecord? expected, AuditDraft audit,
        CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var current = _versions.FindById(BsonMapping.Key(record.Name, record.Version)) is { } doc
                ? BsonMapping.ToVersion(doc)
                : null;
            if (current?.Status != expected?.Status || current?.Hash != expected?.Hash)
            {
                throw new ConcurrencyException(
                    $"Version {record.Version} of '{record.Name}' was changed by another request.");
            }

            _versions.Upsert(BsonMapping.ToBson(record));
            AppendAudit(audit);
            return true;
        }, cancellationToken);

    public Task<Activation> ActivateAsync(
        Activation activation, AuditDraft audit, CancellationToken cancellationToken) =>
        _writer.WriteAsync(db =>
        {
            var numbered = activation with { Sequence = _activations.Count() + 1L };
            _activations.Insert(BsonMapping.ToBson(numbered));
            AppendAudit(audit);
            return numbered;
        }, cancellationToken);

    public Task<IReadOnlyList<AuditEntry>> ListAsync(string? ruleSet, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _audit.FindAll().Select(BsonMapping.ToAudit)
            .Where(entry => ruleSet is null || entry.RuleSet == ruleSet).OrderBy(entry => entry.Sequence)]);

    public Task<IReadOnlyList<AuditEntry>> PageAsync(
        string? ruleSet, long after, int limit, CancellationToken cancellationToken)
    {
        var query = ruleSet is null
            ? Query.GT("_id", after)
            : Query.And(Query.GT("_id", after), Query.EQ("ruleSet", ruleSet));
        var entries = _audit.Find(query, limit: limit).Select(BsonMapping.ToAudit).OrderBy(e => e.Sequence);
        return Task.FromResult<IReadOnlyList<AuditEntry>>([.. entries]);
    }

    /// <summary>
    /// Drains the writer (every queued write commits), then closes the file: graceful shutdown loses nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await _decisionWriter.DisposeAsync().ConfigureAwait(false);
        await CloseJournalAsync().ConfigureAwait(false);
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

    private static (long, string) Last(ILiteCollection<BsonDocument> collection, string sequenceField)
    {
        var last = collection.Query().OrderByDescending(sequenceField).Limit(1).FirstOrDefault();
        return last is null ? (0, Chain.Genesis) : (last[sequenceField].AsInt64, last["hash"].AsString);
    }
}
