using System.ComponentModel.DataAnnotations;

namespace Decisions.Api.Erasure;

/// <summary>
/// How long the decision log keeps decisions' personal data (<c>DecisionLog</c> section). <see cref="Retention"/>
/// unset (the default) keeps it until a lawful erasure request; set, a sweep erases the payload of every decision
/// decided longer ago, at most <see cref="Batch"/> per transaction, looking every <see cref="SweepInterval"/>.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "DecisionLog";

    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan? Retention { get; set; }

    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);

    [Range(1, 100_000)]
    public int Batch { get; set; } = 1_000;
}
