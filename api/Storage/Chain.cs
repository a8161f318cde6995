using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Decisions.Api.Storage;

/// <summary>
/// The hashes that chain audit entries and logged decisions: each covers its entry's content and the hash
/// before it, so editing, removing or reordering a stored entry breaks every hash from there on.
/// </summary>
public static class Chain
{
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// An entry's hash. The activation fields are hashed only when present, so entries written before they
    /// existed keep their hashes and old trails stay verifiable.
    /// </summary>
    public static string Of(AuditEntry entry)
    {
        var core = new
        {
            entry.Sequence,
            At = entry.At.ToString("O", CultureInfo.InvariantCulture),
            entry.Actor,
            entry.Action,
            entry.RuleSet,
            entry.Version,
            entry.ContentHash,
            entry.Comment,
            entry.PreviousHash,
        };
        return entry.EffectiveAt is null && entry.Cancels is null
            ? Hash(core)
            : Hash(new { Core = core,
                EffectiveAt = entry.EffectiveAt?.ToString("O", CultureInfo.InvariantCulture), entry.Cancels });
    }

    /// <summary>
    /// A decision's link: its place in the chain and the digest of its content. The digest (SHA-256 over
    /// kilobytes) is computed on the request thread; the one writer only hashes this short link.
    /// </summary>
    public static string Of(DecisionRecord record, string contentDigest) =>
        "sha256:"
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                $"{record.Sequence}|{record.PreviousHash}|{contentDigest}")));

    /// <summary>
    /// The digest of everything a decision records except its place in the chain: each field's UTF-8 bytes
    /// behind their length, hashed incrementally. Re-serializing kilobytes of input and output as JSON just
    /// to hash them cost as much CPU as the decision itself. The trace id and the caller follow only when either is
    /// there, so a decision logged before they were recorded keeps its digest, and removing them breaks it.
    /// </summary>
    public static string Digest(DecisionRecord record)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in (ReadOnlySpan<string?>)[
            record.DecidedAt.ToString("O", CultureInfo.InvariantCulture), record.RuleSet,
            record.Version.ToString(CultureInfo.InvariantCulture), record.RuleSetHash, record.CustomerId,
            record.AsOf.ToString("O", CultureInfo.InvariantCulture), record.Input, record.Output])
        {
            Append(hash, field);
        }

        if (record.TraceId is not null || record.Caller is not null)
        {
            Append(hash, record.TraceId);
            Append(hash, record.Caller);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? field)
    {
        Span<byte> length = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(field ?? string.Empty);
        BinaryPrimitives.WriteInt32LittleEndian(length, field is null ? -1 : bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    private static string Hash<T>(T content) =>
        "sha256:"
            + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(content))));
}
