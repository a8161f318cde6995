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
        using var source = new BrotliStream(new MemoryStream(packed), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        source.CopyTo(raw);
        var bytes = raw.GetBuffer().AsSpan(0, (int)raw.Length);
        var inputLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        return (Encoding.UTF8.GetString(bytes.Slice(4, inputLength)), Encoding.UTF8.GetString(bytes[(4 + inputLength)..]));
    }
}
