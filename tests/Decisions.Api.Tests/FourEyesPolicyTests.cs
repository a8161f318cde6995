using Decisions.Api.Outcomes;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;

namespace Decisions.Api.Tests;

/// <summary>The four-eyes policy on its own, over a trail built by hand: no host, no HTTP.</summary>
public sealed class FourEyesPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Exactly_creating_editing_and_submitting_count_as_writing_content()
    {
        var contributing = Enum.GetValues<AuditAction>().Where(FourEyesPolicy.Contributes);

        Assert.Equal([AuditAction.DraftCreated, AuditAction.DraftUpdated, AuditAction.Submitted], contributing);
    }

    [Fact]
    public void The_stored_text_of_every_action_is_unchanged_and_reads_back()
    {
        // Hashed into the chain: changing any of these would break the verification of every existing trail.
        Assert.Equal(
            [
                "seeded", "draft-created", "draft-updated", "submitted", "approved", "rejected",
                "activated", "scheduled",
                "rolled-back", "schedule-cancelled", "decisions-erased", "retention-swept",
            ],
            Enum.GetValues<AuditAction>().Select(a => a.Text()));
        Assert.All(Enum.GetValues<AuditAction>(), action => Assert.Equal(action, AuditActions.Parse(action.Text())));
        Assert.Null(AuditActions.Parse("Draft-Created"));
    }

    [Fact]
    public void A_copy_carries_the_authors_of_its_source_transitively()
    {
        var versions = new[] { Version(1, "decisions-seed"), Version(2, "admin"),
            Version(3, "editor"), Version(4, "editor2") };
        var trail = new[]
        {
            Entry(AuditAction.Seeded, "seed", 1, "Seeded from retail-tiering/v1.json"),
            Entry(AuditAction.DraftCreated, "admin", 2, FourEyesPolicy.SourceComment(1)),
            Entry(AuditAction.DraftUpdated, "auditor-turned-editor", 2, null),
            Entry(AuditAction.Approved, "approver", 2, "ok"),
            Entry(AuditAction.DraftCreated, "editor", 3, FourEyesPolicy.SourceComment(2)),
            Entry(AuditAction.DraftCreated, "editor2", 4, FourEyesPolicy.SourceComment(3) + " (identical content)"),
        };

        var contributors = FourEyesPolicy.Contributors(versions[3], trail, versions);

        Assert.Equal(["admin", "auditor-turned-editor", "decisions-seed", "editor", "editor2"],
            contributors.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("approver", contributors);
    }

    [Fact]
    public void The_author_of_the_source_may_not_review_the_copy_and_someone_else_may()
    {
        var versions = new[] { Version(2, "admin"), Version(3, "editor") };
        var trail = new[]
        {
            Entry(AuditAction.DraftCreated, "admin", 2, null),
            Entry(AuditAction.DraftCreated, "editor", 3, "From version 2"),
            Entry(AuditAction.Submitted, "editor", 3, "please"),
        };

        var refused = FourEyesPolicy.Review("admin", versions[1], trail, versions);

        Assert.Contains("Four eyes: 'admin'", Assert.IsType<Failure.FourEyes>(refused).Detail,
            StringComparison.Ordinal);
        Assert.Null(FourEyesPolicy.Review("approver", versions[1], trail, versions));
    }

    [Fact]
    public void Only_a_draft_created_entry_names_a_source()
    {
        Assert.Equal(7, FourEyesPolicy.Source(Entry(AuditAction.DraftCreated, "a", 8, "From version 7")));
        Assert.Null(FourEyesPolicy.Source(Entry(AuditAction.Submitted, "a", 8, "From version 7")));
        Assert.Null(FourEyesPolicy.Source(Entry(AuditAction.DraftCreated, "a", 8, "Copied From version 7")));
    }

    private static RuleSetVersionRecord Version(int version, string author) => new()
    {
        Name = "retail-tiering", Version = version, Status = VersionStatus.Submitted, Json = "{}",
        Hash = $"sha256:{version}",
        Author = author, CreatedAt = At,
    };

    private static AuditEntry Entry(AuditAction action, string actor, int version, string? comment) =>
        new(0, At, actor, action.Text(), "retail-tiering", version, null, comment, "", "");
}
