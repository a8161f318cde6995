namespace Decisions.Api.Storage;

public sealed partial class LiteDbStore
{
    /// <summary>Reads the file's collections in order and checks them with <see cref="ChainVerifier"/>.</summary>
    public Task<ChainReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var decisions = DecisionPage.Of(AllInOrder(), int.MaxValue);
        return Task.FromResult(ChainVerifier.Verify(
            [.. _audit.FindAll().Select(BsonMapping.ToAudit).OrderBy(e => e.Sequence)],
            decisions,
            [.. _versions.FindAll().Select(BsonMapping.ToVersion)]));
    }

    /// <summary>Every rule-set change is audited, so the trail's last sequence changes exactly when they do.</summary>
    public Task<long> ChangeStampAsync(CancellationToken cancellationToken) => Task.FromResult(_lastAudit.Sequence);
}
