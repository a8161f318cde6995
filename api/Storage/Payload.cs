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
        var buffer = t_buffer ??= new PayloadBuffer();
        var (input, output) = Unpack(packed, buffer);
        // A buffer grown for a rare large payload is not kept by the thread.
        t_buffer = buffer.Bytes.Length <= KeptBytes ? buffer : null;
        return (Encoding.UTF8.GetString(input.Span), Encoding.UTF8.GetString(output.Span));
    }

    /// <summary>The input and output as UTF-8, decompressed into <paramref name="buffer"/> (valid until its next use).</summary>
    public static (ReadOnlyMemory<byte> Input, ReadOnlyMemory<byte> Output) Unpack(byte[] packed, PayloadBuffer buffer)
    {
        var length = Decompress(packed, buffer);
        var inputLength = length < 4 ? -1 : BinaryPrimitives.ReadInt32LittleEndian(buffer.Bytes);
        if (inputLength < 0 || inputLength > length - 4)
        {
            throw new InvalidDataException("The payload does not hold an input and an output.");
        }

        return (buffer.Bytes.AsMemory(4, inputLength), buffer.Bytes.AsMemory(4 + inputLength, length - 4 - inputLength));
    }

    // Replay and impact decode a million payloads on a few threads: each decompresses into a buffer it keeps,
    // instead of a stream, a decoder and a growing array per payload.
    [ThreadStatic]
    private static PayloadBuffer? t_buffer;

    private const int KeptBytes = 1024 * 1024;

    // Far above any decision the service accepts: a damaged payload must not make a reader allocate without end.
    private const int MaxUnpacked = 64 * 1024 * 1024;

    private static int Decompress(byte[] packed, PayloadBuffer buffer)
    {
        using var decoder = new BrotliDecoder();
        var (read, written) = (0, 0);
        while (true)
        {
            var status = decoder.Decompress(packed.AsSpan(read), buffer.Bytes.AsSpan(written), out var consumed, out var produced);
            (read, written) = (read + consumed, written + produced);
            if (status == OperationStatus.Done)
            {
                return written;
            }

            if (status != OperationStatus.DestinationTooSmall || buffer.Bytes.Length >= MaxUnpacked)
            {
                throw new InvalidDataException($"The payload is not whole Brotli data ({status}).");
            }

            var bytes = buffer.Bytes;
            Array.Resize(ref bytes, bytes.Length * 2);
            buffer.Bytes = bytes;
        }
    }
}

/// <summary>A reader's buffer for decompressed payloads: what it holds stays valid until the reader decodes the next.</summary>
public sealed class PayloadBuffer
{
    internal byte[] Bytes { get; set; } = new byte[64 * 1024];
}
