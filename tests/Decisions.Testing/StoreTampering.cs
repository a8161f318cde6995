using Decisions.Api.Storage;

namespace Decisions.Testing;

/// <summary>
/// A hostile insider's edits of a stopped service's store, written once as behaviours over a few store-specific
/// reads and writes (<see cref="LiteDbTampering"/> opens the file with LiteDB, <see cref="PostgresTampering"/>
/// uses SQL). "Re-chain" recomputes every later hash, as anyone who can edit the store can: only a checkpoint
/// signed before shows those. The decision-layout operations are the only ones that know how decisions are stored.
/// </summary>
public abstract class StoreTampering
{
    /// <summary>
    /// The tampering for the store <paramref name="app"/> ran on; use it after
    /// <see cref="DecisionsAppFixture.StopAsync"/>.
    /// </summary>
    public static StoreTampering Of(DecisionsAppFixture app) => app.PostgresConnectionString is { } postgres
        ? new PostgresTampering(postgres)
        : new LiteDbTampering(Path.Combine(app.DataDirectory, "decisions.db"));

    public abstract IReadOnlyList<DecisionRecord> Decisions();

    public abstract IReadOnlyList<AuditEntry> Audit();

    public abstract IReadOnlyList<Activation> Activations();

    public abstract RuleSetVersionRecord Version(string name, int version);

    public abstract void WriteVersion(RuleSetVersionRecord version);

    public void DeleteLastDecisions(int count) => ReplaceDecisions([.. Decisions().SkipLast(count)]);

    /// <summary>
    /// Edits one decision in place; with <paramref name="rechain"/> every hash from it on is recomputed.
    /// </summary>
    public void EditDecision(long sequence, Func<DecisionRecord, DecisionRecord> edit, bool rechain) =>
        ReplaceDecisions(Rechained([.. Decisions().Select(d => d.Sequence == sequence ? edit(d) : d)],
            rechain ? sequence : long.MaxValue));

    public void DeleteDecisionAndRechain(long sequence) =>
        ReplaceDecisions(Rechained([.. Decisions().Where(d => d.Sequence != sequence)], sequence));

    public void DeleteLastAuditEntries(int count) => ReplaceAudit([.. Audit().SkipLast(count)]);

    /// <summary>
    /// Edits one trail entry in place; with <paramref name="rechain"/> every hash from it on is recomputed.
    /// </summary>
    public void EditAuditEntry(long sequence, Func<AuditEntry, AuditEntry> edit, bool rechain) =>
        ReplaceAudit(Rechained([.. Audit().Select(e => e.Sequence == sequence ? edit(e) : e)],
            rechain ? sequence : long.MaxValue));

    public void EditActivation(long sequence, Func<Activation, Activation> edit) =>
        ReplaceActivations([.. Activations().Select(a => a.Sequence == sequence ? edit(a) : a)]);

    public void EditVersion(string name, int version, Func<RuleSetVersionRecord, RuleSetVersionRecord> edit) =>
        WriteVersion(edit(Version(name, version)));

    protected abstract void ReplaceDecisions(IReadOnlyList<DecisionRecord> decisions);

    protected abstract void ReplaceAudit(IReadOnlyList<AuditEntry> entries);

    protected abstract void ReplaceActivations(IReadOnlyList<Activation> activations);

    private static List<DecisionRecord> Rechained(List<DecisionRecord> decisions, long from)
    {
        var previous = Chain.Genesis;
        for (var i = 0; i < decisions.Count; i++)
        {
            if (i + 1 >= from)
            {
                var renumbered = decisions[i] with { Sequence = i + 1, PreviousHash = previous };
                decisions[i] = renumbered with { Hash = Chain.Of(renumbered, Chain.Digest(renumbered)) };
            }

            previous = decisions[i].Hash;
        }

        return decisions;
    }

    private static List<AuditEntry> Rechained(List<AuditEntry> entries, long from)
    {
        var previous = Chain.Genesis;
        for (var i = 0; i < entries.Count; i++)
        {
            if (i + 1 >= from)
            {
                var renumbered = entries[i] with { Sequence = i + 1, PreviousHash = previous };
                entries[i] = renumbered with { Hash = Chain.Of(renumbered) };
            }

            previous = entries[i].Hash;
        }

        return entries;
    }
}
