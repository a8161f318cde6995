using Decisions.Engine.Serialization;

namespace Decisions.Api.Storage;

public sealed partial class LiteDbStore
{
    /// <summary>
    /// Recomputes every hash from the stored content: an entry edited in the file, removed or reordered no
    /// longer matches its own hash or its successor's link. Versions must hash to what they claim and to
    /// what the trail recorded when they were created.
    /// </summary>
    public Task<ChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var audit = _audit.FindAll().Select(BsonMapping.ToAudit).OrderBy(e => e.Sequence).ToList();
        var decisions = _decisions.Query().OrderBy("seq").ToEnumerable().Select(BsonMapping.ToDecision).ToList();
        var versions = _versions.FindAll().Select(BsonMapping.ToVersion).ToList();
        ChainReport Broken(string entry, string reason) => new(false, audit.Count, decisions.Count, versions.Count, entry, reason);

        var previous = Chain.Genesis;
        for (var i = 0; i < audit.Count; i++)
        {
            var entry = audit[i];
            if (entry.Sequence != i + 1 || entry.PreviousHash != previous || entry.Hash != Chain.Of(entry))
            {
                return Task.FromResult(Broken($"audit #{entry.Sequence}", entry.Sequence != i + 1 ? "An entry is missing before it." : "Its content or link does not match its hash."));
            }

            previous = entry.Hash;
        }

        previous = Chain.Genesis;
        for (var i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            if (decision.Sequence != i + 1 || decision.PreviousHash != previous || decision.Hash != Chain.Of(decision, Chain.Digest(decision)))
            {
                return Task.FromResult(Broken($"decision {decision.Id} (#{decision.Sequence})", decision.Sequence != i + 1 ? "A decision is missing before it." : "Its content or link does not match its hash."));
            }

            previous = decision.Hash;
        }

        var recorded = audit.Where(e => e.ContentHash is not null && e.Version is not null).ToLookup(e => (e.RuleSet, e.Version!.Value), e => e.ContentHash);
        foreach (var version in versions)
        {
            var (parsed, _) = RuleSetJson.Parse(version.Json);
            var actual = parsed is null ? null : RuleSetJson.Hash(parsed);
            if (actual != version.Hash || !recorded[(version.Name, version.Version)].Contains(version.Hash))
            {
                return Task.FromResult(Broken($"rule set {version.Name} v{version.Version}", "Its content does not match the hash recorded in the trail."));
            }
        }

        return Task.FromResult(new ChainReport(true, audit.Count, decisions.Count, versions.Count, null, null));
    }
}
