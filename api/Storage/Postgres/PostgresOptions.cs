using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.Storage.Postgres;

/// <summary>
/// The shared store for several replicas (section <c>Storage:Postgres</c>, used when <c>Storage:Provider</c> is
/// <c>Postgres</c>).
/// </summary>
public sealed class PostgresOptions
{
    public const string Section = "Storage:Postgres";

    /// <summary>
    /// An Npgsql connection string; the password belongs in a secret store or the environment, not in a file.
    /// </summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Most decisions one replica commits in one transaction (group commit).</summary>
    [Range(1, 4096)]
    public int MaxBatch { get; set; } = 256;
}
