using System.Text.Json;
using Decisions.Api.Storage;

namespace Decisions.Api.Tests;

/// <summary>
/// PostgreSQL keeps trail entries and activations as JSON under names pinned on the records, not derived from the
/// members: rows written by the previous version (TestData/upgrade) read back, and new rows are written the same.
/// </summary>
public sealed class StoredShapeTests
{
    private const string OldActivation =
        """{"Sequence":1,"Name":"big-customer-revenue","Version":1,"EffectiveAt":"2026-12-02T17:29:41.4138262+00:00","By":"seed","At":"2026-12-02T17:29:41.4138262+00:00","Kind":"activate","Cancels":null}""";

    private const string OldTrailEntry =
        """{"Sequence":15,"At":"2026-12-02T17:29:44.6709905+00:00","Actor":"dev-approver","Action":"schedule-cancelled","RuleSet":"retail-tiering","Version":2,"ContentHash":null,"Comment":"Not needed","PreviousHash":"sha256:9d13","Hash":"sha256:711d"}""";

    [Fact]
    public void An_activation_row_of_the_previous_version_reads_and_is_written_again_byte_for_byte()
    {
        var activation = JsonSerializer.Deserialize<Activation>(OldActivation)!;

        Assert.Equal(
            ("big-customer-revenue", 1, ActivationKind.Activate),
            (activation.Name, activation.Version, activation.Kind));
        Assert.Equal(OldActivation, JsonSerializer.Serialize(activation));
    }

    [Fact]
    public void A_trail_row_of_the_previous_version_reads_with_every_field()
    {
        var entry = JsonSerializer.Deserialize<AuditEntry>(OldTrailEntry)!;

        Assert.Equal(
            (15L, "dev-approver", "schedule-cancelled", "retail-tiering", (int?)2, "Not needed"),
            (entry.Sequence, entry.Actor, entry.Action, entry.RuleSet, entry.Version, entry.Comment));
        Assert.Equal(("sha256:9d13", "sha256:711d"), (entry.PreviousHash, entry.Hash));
        Assert.Null(entry.EffectiveAt);
        Assert.StartsWith(OldTrailEntry[..^1], JsonSerializer.Serialize(entry), StringComparison.Ordinal);
    }
}
