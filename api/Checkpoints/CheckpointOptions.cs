namespace Decisions.Api.Checkpoints;

/// <summary>
/// The checkpoint signing key (section <c>Checkpoints</c>): an ECDSA P-256 private key as PEM, its id, and how
/// often the service signs a checkpoint by itself (e.g. <c>Checkpoints__SigningKey</c>, <c>Checkpoints__KeyId</c>).
/// </summary>
public sealed class CheckpointOptions
{
    public const string Section = "Checkpoints";

    /// <summary>Key ids starting with this mark the development key; outside Development they are refused.</summary>
    public const string DevelopmentKeyId = "development";

    public string SigningKey { get; set; } = "";

    public string KeyId { get; set; } = "";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
