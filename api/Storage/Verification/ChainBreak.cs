namespace Decisions.Api.Storage;

/// <summary>The first entry that fails verification, named as an auditor reads it, and why.</summary>
internal sealed record ChainBreak(string Entry, string Reason);

/// <summary>What the verifiers read from a store, each list in sequence order.</summary>
internal sealed record StoredChains(
    IReadOnlyList<AuditEntry> Audit, DecisionPage Log, IReadOnlyList<RuleSetVersionRecord> Versions,
    IReadOnlyList<Activation> Activations);
