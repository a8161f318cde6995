using Decisions.Api.Observability;
using Decisions.Api.Outcomes;
using Decisions.Api.Storage;
using Decisions.Engine.Model;

namespace Decisions.Api.Checkpoints;

/// <summary>
/// Signs checkpoints of the chains' current heads and keeps them; verifies the store against a checkpoint an
/// auditor brings back: first that this service signed it, then that both chains extend it.
/// </summary>
public sealed class CheckpointNotary(IAuditTrail trail, ICheckpointStore store,
    CheckpointSigner signer, TimeProvider clock)
{
    public CheckpointKey PublicKey => signer.PublicKey;

    public async Task<SignedCheckpoint> SignAsync(CancellationToken cancellationToken)
    {
        var heads = await trail.HeadsAsync(cancellationToken).ConfigureAwait(false);
        var signed = await store.AppendCheckpointAsync(signer.Sign(heads, clock.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        CheckpointMetrics.Signed(signed.At, clock);
        return signed;
    }

    public Task<IReadOnlyList<SignedCheckpoint>> ListAsync(int limit, CancellationToken cancellationToken) =>
        store.CheckpointsAsync(limit, cancellationToken);

    public async Task<Outcome<ChainReport>> VerifyAsync(SignedCheckpoint checkpoint,
        CancellationToken cancellationToken)
    {
        if (!signer.Verifies(checkpoint))
        {
            var key = signer.PublicKey.KeyId;
            return new Failure.Invalid(
                "The checkpoint was not signed by this service's key; nothing can be concluded from it.",
                [new Problem("signature",
                    $"The signature does not verify with key '{key}' over the checkpoint's fields.")]);
        }

        var report = await trail.VerifyAsync(SignedCheckpoint.Heads(checkpoint), cancellationToken)
            .ConfigureAwait(false);
        VerificationMetrics.Verified(report, clock.GetUtcNow());
        return report with { CheckpointAt = checkpoint.At };
    }
}
