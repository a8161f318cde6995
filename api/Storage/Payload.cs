using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Decisions.Api.Storage;

/// <summary>
/// A decision's input and output packed together and Brotli-compressed at the fastest setting: the log
/// writes a fifth of the bytes, which is what bounds a single-writer log on this disk.
/// </summary>
internal static class Payload
{
    public static byte[] Pack(string input, string output)
    {
        var inputBytes = Encoding.UTF8.GetBytes(input);
        var outputBytes = Encoding.UTF8.GetBytes(output);
        var raw = new byte[4 + inputBytes.Length + outputBytes.Length];
        BinaryPrimitives.WriteInt32LittleEndian(raw, inputBytes.Length);
        inputBytes.CopyTo(raw, 4);
        outputBytes.CopyTo(raw, 4 + inputBytes.Length);
        var packed = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        if (!BrotliEncoder.TryCompress(raw, packed, out var written, quality: 1, window: 16))
        {
            throw new InvalidOperationException("Compression failed.");
        }

        return packed[..written];
    }

    public static (string Input, string Output) Unpack(byte[] packed)
    {
        var bytes = Decompressed(packed);
        var inputLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return (Encoding.UTF8.GetString(bytes.Slice(4, inputLength)), Encoding.UTF8.GetString(bytes[(4 + inputLength)..]));
    }

    // Replay and impact decode a million payloads on a few threads: each thread decompresses into its own buffer
    // (kept up to a megabyte), instead of a stream, a decoder and a growing array per payload.
    [ThreadStatic]
    private static byte[]? t_buffer;

    // Far above any decision the service accepts: a damaged payload must not make a reader allocate without end.
    private const int MaxUnpacked = 64 * 1024 * 1024;

    private static ReadOnlySpan<byte> Decompressed(byte[] packed)
    {
        var buffer = t_buffer ?? new byte[64 * 1024];
        using var decoder = new BrotliDecoder();
        var (read, written) = (0, 0);
        while (true)
        {
            var status = decoder.Decompress(packed.AsSpan(read), buffer.AsSpan(written), out var consumed, out var produced);
            (read, written) = (read + consumed, written + produced);
            if (status == OperationStatus.Done)
            {
                break;
            }

            if (status != OperationStatus.DestinationTooSmall || buffer.Length >= MaxUnpacked)
            {
                throw new InvalidDataException($"The payload is not whole Brotli data ({status}).");
            }

            Array.Resize(ref buffer, buffer.Length * 2);
        }

        t_buffer = buffer.Length <= 1024 * 1024 ? buffer : t_buffer;
        return buffer.AsSpan(0, written);
    }
}
