using System.Security.Cryptography;
using System.Text;
using Decisions.Api.Storage;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Checkpoints;

/// <summary>Signs and checks checkpoints with the configured ECDSA P-256 key (SHA-256, DER signatures).</summary>
public sealed class CheckpointSigner : IDisposable
{
    public const string Algorithm = "ECDSA P-256 with SHA-256, DER-encoded signature (openssl dgst -sha256 -verify)";

    private readonly ECDsa _key;
    private readonly string _keyId;

    public CheckpointSigner(IOptions<CheckpointOptions> options)
    {
        _key = CheckpointKeys.Import(options.Value.SigningKey);
        _keyId = options.Value.KeyId;
    }

    public CheckpointKey PublicKey =>
        new(_keyId, Algorithm, _key.ExportSubjectPublicKeyInfoPem(), CheckpointKeys.IsDevelopment(_keyId));

    /// <summary>
    /// A checkpoint of <paramref name="heads"/> at <paramref name="at"/>, to the second (it travels as JSON).
    /// </summary>
    public SignedCheckpoint Sign(ChainHeads heads, DateTimeOffset at)
    {
        var unsigned = new SignedCheckpoint(
            0, new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero), _keyId,
            CheckpointKeys.IsDevelopment(_keyId), heads.AuditTrail.Size, heads.AuditTrail.Head, heads.DecisionLog.Size,
            heads.DecisionLog.Head, "");
        var signature = _key.SignData(Bytes(unsigned), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return unsigned with { Signature = Convert.ToBase64String(signature) };
    }

    /// <summary>Whether this service's key signed exactly this checkpoint.</summary>
    public bool Verifies(SignedCheckpoint checkpoint)
    {
        // A DER-encoded P-256 signature is at most 72 bytes; anything much longer is not one.
        if (checkpoint.KeyId != _keyId || checkpoint.Signature is not { Length: > 0 and <= 200 } text)
        {
            return false;
        }

        var signature = new byte[text.Length];
        return Convert.TryFromBase64String(text, signature, out var length)
            && _key.VerifyData(Bytes(checkpoint), signature.AsSpan(0, length), HashAlgorithmName.SHA256,
                DSASignatureFormat.Rfc3279DerSequence);
    }

    public void Dispose() => _key.Dispose();

    private static byte[] Bytes(SignedCheckpoint checkpoint) =>
        Encoding.UTF8.GetBytes(SignedCheckpoint.Statement(checkpoint));
}
