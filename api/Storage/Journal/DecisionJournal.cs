using System.Buffers.Binary;
using System.IO.Hashing;

namespace Decisions.Api.Storage.Journal;

/// <summary>
/// The durable form of the embedded store's decision log: an append-only file of records, each a 4-byte length,
/// a 4-byte CRC-32 of the record and the record (a block as BSON). A LiteDB transaction costs about seven fsyncs
/// on this kind of disk; an append here costs one, so a block is durable, and answered, long before LiteDB
/// has indexed it (<see cref="JournalIndexer"/>). A crash can leave a torn last record: reading stops at the
/// first record whose length or checksum does not hold and cuts the file there, because nothing after it was
/// ever acknowledged (appends are sequential and each is synced before the next starts).
/// </summary>
internal sealed class DecisionJournal : IDisposable
{
    private const int HeaderSize = 8;
    private const int MaxRecord = 256 * 1024 * 1024;
    private readonly FileStream _file;
    private bool _broken;

    public DecisionJournal(string path)
    {
        Path = path;
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
    }

    public string Path { get; }

    /// <summary>Bytes in the file: what has been appended since it was last cleared.</summary>
    public long Length => _file.Length;

    /// <summary>Every whole record in order; a torn or corrupt tail is cut off and its size returned.</summary>
    public IReadOnlyList<byte[]> Read(out long dropped)
    {
        var records = new List<byte[]>();
        var header = new byte[HeaderSize];
        _file.Position = 0;
        var end = 0L;
        while (_file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) == HeaderSize)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length <= 0 || length > MaxRecord || length > _file.Length - _file.Position)
            {
                break;
            }

            var record = new byte[length];
            _file.ReadExactly(record);
            if (Crc32.HashToUInt32(record) != BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4)))
            {
                break;
            }

            records.Add(record);
            end = _file.Position;
        }

        dropped = _file.Length - end;
        if (dropped > 0)
        {
            _file.SetLength(end);
            _file.Flush(flushToDisk: true);
        }

        _file.Position = end;
        return records;
    }

    /// <summary>
    /// Appends one record and syncs it to disk. If the write or the sync fails, the file is cut back to where it
    /// was, so a failed block leaves no record that a later start could take as acknowledged; if even that fails,
    /// every later append is refused until a restart reads the file again.
    /// </summary>
    public void Append(ReadOnlySpan<byte> record)
    {
        if (_broken)
        {
            throw new IOException($"The decision journal {Path} could not be restored after a failed write.");
        }

        var start = _file.Length;
        Span<byte> header = stackalloc byte[HeaderSize];
        BinaryPrimitives.WriteInt32LittleEndian(header, record.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], Crc32.HashToUInt32(record));
        try
        {
            _file.Position = start;
            _file.Write(header);
            _file.Write(record);
            _file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            Restore(start);
            throw;
        }
    }

    /// <summary>Empties the file: called only once LiteDB holds every record in it durably.</summary>
    public void Clear()
    {
        _file.SetLength(0);
        _file.Flush(flushToDisk: true);
    }

    public void Dispose() => _file.Dispose();

    private void Restore(long length)
    {
        try
        {
            _file.SetLength(length);
            _file.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            _broken = true;
        }
    }
}
