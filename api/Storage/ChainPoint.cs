namespace Decisions.Api.Storage;

/// <summary>A chain's length and the hash of its last entry (<see cref="Chain.Genesis"/> when empty).</summary>
public sealed record ChainPoint(long Size, string Head);

/// <summary>The heads of the two chains: what a checkpoint signs, and what a later verification must extend.</summary>
public sealed record ChainHeads(ChainPoint AuditTrail, ChainPoint DecisionLog);
