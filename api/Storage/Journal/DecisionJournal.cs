using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace Decisions.Api.Storage.Journal;

/// <summary>
/// The durable form of the embedded store's decision log: a file of records, each a 4-byte length, a 4-byte CRC-32
/// of the record and the record (a block as BSON), ended by a zero length. A LiteDB transaction costs about seven
/// fsyncs on this kind of disk; an append here is one synchronous write, so a block is durable, and answered, long
/// before LiteDB has indexed it (<see cref="JournalIndexer"/>).
/// </summary>
/// <remarks>
/// The file is written full of zeros once and then overwritten in place, opened for synchronous data writes
/// (<c>O_DSYNC</c>): an append changes no file size or block map, so its sync flushes only its own bytes and never
/// waits for the file system's journal to commit LiteDB's pending writes (an fsync of a growing file did, and its
/// latency followed LiteDB's checkpoints). A crash can leave a torn last record: reading stops at the first record
/// whose length or checksum does not hold, because nothing after it was ever acknowledged.
/// </remarks>
internal sealed class DecisionJournal : IDisposable
{
    private const int HeaderSize = 8;
    private const int Chunk = 1024 * 1024;
    private readonly FileStream _file;
    private long _end;
    private bool _broken;

    public DecisionJournal(string path, long capacity)
    {
        Path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1,
            FileOptions.WriteThrough);
        Grow(capacity);
    }

    public string Path { get; }

    /// <summary>Bytes of records appended since the journal was last cleared.</summary>
    public long Used => _end;

    /// <summary>Whether a record of <paramref name="length"/> bytes fits before the end of the file.</summary>
    public bool Fits(int length) => _end + HeaderSize + length + HeaderSize <= _file.Length;

    /// <summary>Every whole record in order; whether a torn or corrupt record ended them (it is cut off).</summary>
    public IReadOnlyList<byte[]> Read(out bool torn)
    {
        var records = new List<byte[]>();
        var header = new byte[HeaderSize];
        _file.Position = 0;
        (_end, torn) = (0, false);
        while (_file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) == HeaderSize)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length == 0)
            {
                break;
            }

            var record = length > 0 && length <= _file.Length - _file.Position ? new byte[length] : null;
            if (record is null || _file.ReadAtLeast(record, length, throwOnEndOfStream: false) != length
                || Crc32.HashToUInt32(record) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)))
            {
                torn = true;
                break;
            }

            records.Add(record);
            _end = _file.Position;
        }

        if (torn)
        {
            WriteAt(_end, new byte[HeaderSize]);
        }

        return records;
    }

    /// <summary>
    /// Appends one record, durable when this returns. If the write fails, the end mark is written back where it was,
    /// so a failed block leaves no record a later start could take as acknowledged; if even that fails, every later
    /// append is refused until a restart reads the file again.
    /// </summary>
    public void Append(ReadOnlySpan<byte> record)
    {
        if (_broken)
        {
            throw new IOException($"The decision journal {Path} could not be restored after a failed write.");
        }

        if (!Fits(record.Length))
        {
            Grow(Math.Max(_file.Length * 2, _end + (2 * HeaderSize) + record.Length));
        }

        var size = HeaderSize + record.Length + HeaderSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var span = buffer.AsSpan(0, size);
            BinaryPrimitives.WriteInt32LittleEndian(span, record.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(span[4..], Crc32.HashToUInt32(record));
            record.CopyTo(span[HeaderSize..]);
            span[^HeaderSize..].Clear();
            WriteAt(_end, span);
            _end += HeaderSize + record.Length;
        }
        catch (IOException)
        {
            Restore();
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Empties the journal (an end mark at its start): called only once LiteDB holds every record in it.
    /// </summary>
    public void Clear()
    {
        WriteAt(0, new byte[HeaderSize]);
        _end = 0;
    }

    /// <summary>
    /// Empties the journal and overwrites all of it with zeros, records of earlier rounds included: after an erasure no
    /// copy of an erased payload may stay on disk here.
    /// </summary>
    public void Wipe()
    {
        _end = 0;
        Zero(0, _file.Length);
    }

    public void Dispose() => _file.Dispose();

    private void WriteAt(long position, ReadOnlySpan<byte> bytes)
    {
        _file.Position = position;
        _file.Write(bytes);
    }

    /// <summary>
    /// Zeros up to <paramref name="capacity"/>, written (not only allocated) so appends change no metadata.
    /// </summary>
    private void Grow(long capacity)
    {
        Zero(_file.Length, capacity);
        _file.Flush(flushToDisk: true);
    }

    /// <summary>Overwrites [<paramref name="from"/>, <paramref name="to"/>) in place with zeros.</summary>
    private void Zero(long from, long to)
    {
        var zeros = new byte[Chunk];
        for (var position = from; position < to; position += Chunk)
        {
            WriteAt(position, zeros.AsSpan(0, (int)Math.Min(Chunk, to - position)));
        }
    }

    private void Restore()
    {
        try
        {
            WriteAt(_end, new byte[HeaderSize]);
        }
        catch (IOException)
        {
            _broken = true;
        }
    }
}
