using System.Globalization;
using Decisions.Api.Storage;

namespace Decisions.Api.Checkpoints;

/// <summary>
/// A signed statement of both chains' length and head hash at a time (a signed tree head, as in RFC 6962). The
/// signature covers <see cref="Statement"/>, built from every field but <see cref="Sequence"/>, which only
/// numbers the checkpoints the service keeps. <see cref="Development"/> marks a checkpoint signed with the
/// development key, which proves nothing.
/// </summary>
public sealed record SignedCheckpoint(
    long Sequence, DateTimeOffset At, string KeyId, bool Development, long AuditEntries,
    string AuditHead, long Decisions,
    string DecisionHead, string Signature)
{
    /// <summary>The exact text that is signed, one field a line, so that anyone can check it with openssl.</summary>
    public static string Statement(SignedCheckpoint c) => string.Create(
        CultureInfo.InvariantCulture,
        $"decisions-checkpoint/1\nkey {c.KeyId}\ndevelopment {(c.Development ? "yes" : "no")}\n"
        + $"at {c.At.UtcDateTime:yyyy-MM-ddTHH:mm:ss.FFFFFFF}Z\n"
        + $"audit {c.AuditEntries} {c.AuditHead}\ndecisions {c.Decisions} {c.DecisionHead}\n");

    /// <summary>The heads the chains must extend.</summary>
    public static ChainHeads Heads(SignedCheckpoint c) =>
        new(new ChainPoint(c.AuditEntries, c.AuditHead), new ChainPoint(c.Decisions, c.DecisionHead));
}

/// <summary>The key that verifies this service's checkpoints, as SubjectPublicKeyInfo PEM.</summary>
public sealed record CheckpointKey(string KeyId, string Algorithm, string PublicKeyPem, bool Development);
