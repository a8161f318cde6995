using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.Storage;

/// <summary>The embedded store (section <c>Storage:LiteDb</c>).</summary>
public sealed class LiteDbOptions
{
    public const string Section = "Storage:LiteDb";

    /// <summary>
    /// The data file; its <c>-log.db</c>, <c>.journal</c> and <c>.lock</c> files sit beside it and travel with it.
    /// </summary>
    [Required]
    public string Path { get; set; } = "data/decisions.db";

    /// <summary>
    /// Where <c>POST /v1/backups</c> writes its copies of the data file; only the service chooses the path.
    /// </summary>
    [Required]
    public string BackupDirectory { get; set; } = "data/backups";

    /// <summary>Most writes committed together in one transaction (one fsync) by the writer.</summary>
    [Range(1, 1024)]
    public int MaxBatch { get; set; } = 128;

    /// <summary>
    /// The size of the decision journal (<c>.journal</c> beside the data file), written full of zeros once: when the
    /// next block would not fit, the journal is emptied as soon as LiteDB holds all of it. A start indexes at most this
    /// much before it serves.
    /// </summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long JournalBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How long a read waits for LiteDB to index the decisions journaled before it, before a 503.</summary>
    public TimeSpan IndexWait { get; set; } = TimeSpan.FromSeconds(10);
}
