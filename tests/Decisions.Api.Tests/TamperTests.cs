using System.Net;
using System.Text.Json;
using Decisions.Api.Storage;

namespace Decisions.Api.Tests;

/// <summary>
/// A hostile insider edits the stopped service's store (the LiteDB file, or the PostgreSQL tables when the suite
/// runs against PostgreSQL) in each way it was tried; verification names the broken entry and why. Edits that
/// recompute every later hash, or cut a tail, leave a chain that is valid on its own: the checkpoint an auditor
/// took before shows them. The edits themselves are in <see cref="StoreTampering"/>.
/// </summary>
public sealed class TamperTests
{
    [Fact]
    public async Task Deleting_the_last_decisions_is_shown_by_a_checkpoint_taken_before()
    {
        var (plain, anchored, _) = await Tampered((store, _) => store.DeleteLastDecisions(3));

        Assert.True(plain.GetProperty("intact").GetBoolean());
        Broken(anchored, "decision #8", "The decision log holds 7 entries but the checkpoint covers 8");
    }

    [Fact]
    public async Task Editing_a_decision_and_recomputing_every_later_hash_is_shown_by_a_checkpoint()
    {
        var (plain, anchored, scene) = await Tampered((store, _) => store.EditDecision(2,
            d => d with { CustomerId = "R-someone-else" }, rechain: true));

        Assert.True(plain.GetProperty("intact").GetBoolean());
        Broken(anchored, $"decision {scene.Decisions[7]} (#8)", "The decision log does not extend the checkpoint");
    }

    [Fact]
    public async Task Deleting_a_decision_in_the_middle_and_rechaining_is_shown_by_a_checkpoint()
    {
        var (plain, anchored, scene) = await Tampered((store, _) => store.DeleteDecisionAndRechain(4));

        Assert.True(plain.GetProperty("intact").GetBoolean());
        Broken(anchored, $"decision {scene.Decisions[8]} (#8)", "The decision log does not extend the checkpoint");
    }

    [Fact]
    public async Task Editing_a_decision_without_rechaining_is_named_without_a_checkpoint()
    {
        var (plain, _, scene) = await Tampered((store, _) => store.EditDecision(2,
            d => d with { CustomerId = "R-someone-else" }, rechain: false));

        Broken(plain, $"decision {scene.Decisions[1]} (#2)", "Its content or link does not match its hash.");
    }

    [Fact]
    public async Task Rewriting_which_key_asked_for_a_decision_is_named_without_a_checkpoint()
    {
        var (plain, _, scene) = await Tampered(
            (store, _) => store.EditDecision(2, d => d with { Caller = "admin" }, rechain: false));

        Broken(plain, $"decision {scene.Decisions[1]} (#2)", "Its content or link does not match its hash.");
    }

    [Fact]
    public async Task Deleting_the_last_audit_entries_approve_and_activate_is_detected()
    {
        var (plain, anchored, scene) = await Tampered((store, _) => store.DeleteLastAuditEntries(2), extras: false);

        Broken(plain, "rule set retail-tiering v2", "Its status is Approved but the trail says Submitted");
        Broken(anchored, $"audit #{scene.AuditEntries - 1}",
            $"holds {scene.AuditEntries - 2} entries but the checkpoint covers {scene.AuditEntries}");
    }

    [Theory]
    [InlineData(5, "an immediate activation")]
    [InlineData(6, "a scheduled activation")]
    public async Task Back_dating_an_activation_is_detected(long activation, string _)
    {
        var (plain, _, _) = await Tampered((store, _) => store.EditActivation(activation,
            a => a with { EffectiveAt = a.EffectiveAt.AddDays(-30) }));

        Broken(plain, $"activation #{activation}", "it takes effect at");
    }

    [Fact]
    public async Task Pointing_an_activation_at_another_version_is_detected()
    {
        var (plain, _, _) = await Tampered((store, _) => store.EditActivation(5, a => a with { Version = 1 }));

        Broken(plain, "activation #5", "it names version 1, the trail 2");
    }

    [Fact]
    public async Task Flipping_a_draft_to_approved_is_detected()
    {
        var (plain, _, _) = await Tampered((store, _) => store.EditVersion(
            "retail-tiering", 3, v =>
                v with { Status = VersionStatus.Approved, SubmittedBy = "editor", ReviewedBy = "approver" }));

        Broken(plain, "rule set retail-tiering v3", "Its status is Approved but the trail says Draft");
    }

    [Fact]
    public async Task Replacing_approved_content_with_the_earlier_drafts_is_detected()
    {
        var (plain, _, scene) = await Tampered((store, scene) => store.EditVersion("retail-tiering", 2, v => v with
        {
            Json = scene.FirstDraft.GetProperty("content").GetRawText(),
            Hash = scene.FirstDraft.GetProperty("summary").GetProperty("hash").GetString()!,
        }));

        Broken(plain, "rule set retail-tiering v2",
            $"Its content is not the content approved at audit #{scene.Approval}.");
    }

    [Fact]
    public async Task Rewriting_the_approvers_name_in_the_trail_and_rechaining_is_detected()
    {
        var (plain, _, _) = await Tampered((store, scene) => store.EditAuditEntry(scene.Approval,
            e => e with { Actor = "approver-2" }, rechain: true));

        Broken(plain, "rule set retail-tiering v2",
            "It names 'approver' as its reviewer but the trail says 'approver-2'.");
    }

    [Fact]
    public async Task Rewriting_the_approvers_name_everywhere_and_rechaining_is_shown_by_a_checkpoint()
    {
        var (plain, anchored, scene) = await Tampered((store, scene) =>
        {
            store.EditAuditEntry(scene.Approval, e => e with { Actor = "approver-2" }, rechain: true);
            store.EditVersion("retail-tiering", 2, v => v with { ReviewedBy = "approver-2" });
        });

        Assert.True(plain.GetProperty("intact").GetBoolean());
        Broken(anchored, $"audit #{scene.AuditEntries}", "The change trail does not extend the checkpoint");
    }

    [Fact]
    public async Task Rewriting_the_approver_to_the_author_everywhere_breaks_four_eyes()
    {
        var (plain, _, _) = await Tampered((store, scene) =>
        {
            store.EditAuditEntry(scene.Approval, e => e with { Actor = "editor" }, rechain: true);
            store.EditVersion("retail-tiering", 2, v => v with { ReviewedBy = "editor" });
        });

        Broken(plain, "rule set retail-tiering v2",
            "The trail says 'editor' reviewed it, but 'editor' wrote content of it");
    }

    private static void Broken(JsonElement report, string entry, string reason)
    {
        Assert.False(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(entry, report.GetProperty("firstBroken").GetString());
        Assert.Contains(reason, report.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The scene, then the edit on the stopped store, then both verifications on a restarted service: plain, and
    /// against the checkpoint signed in the scene.
    /// </summary>
    private static async Task<(JsonElement Plain, JsonElement Anchored, Scene Scene)> Tampered(
        Action<StoreTampering, Scene> tamper, bool extras = true)
    {
        var scene = await Scene.Play(extras);
        tamper(StoreTampering.Of(scene.App), scene);
        await using var restarted = scene.App.Reopened();
        var auditor = restarted.Client("auditor");
        var plain = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        var anchored = await (await auditor.PostJson("/v1/audit/verify", scene.Checkpoint)).Json(HttpStatusCode.OK);
        return (plain, anchored, scene);
    }

    /// <summary>
    /// Five decisions; retail-tiering v2 drafted, edited, submitted, approved (audit #<see cref="Approval"/>) and
    /// activated (activation #5); three decisions; a checkpoint (<see cref="AuditEntries"/> trail entries, 8
    /// decisions); two more decisions; then v1 scheduled a week ahead (activation #6) and a draft v3, both left
    /// out of the checkpoint. Without <c>extras</c>, the last two entries of the trail are the approval and the
    /// activation.
    /// </summary>
    internal sealed record Scene(DecisionsAppFixture App, JsonElement Checkpoint, JsonElement FirstDraft,
        long Approval, List<string> Decisions)
    {
        public long AuditEntries => Checkpoint.GetProperty("auditEntries").GetInt64();

        public static async Task<Scene> Play(bool extras)
        {
            var app = new DecisionsAppFixture();
            var decisions = new List<string>();
            async Task Decide(int count)
            {
                for (var i = 0; i < count; i++)
                {
                    var request = new { ruleSet = "retail-tiering",
                        customer = new { customerId = $"R-{decisions.Count}",
                            avgDailyBalance = 1000 * decisions.Count } };
                    var answer = await (await app.Client("teller").PostJson("/v1/decisions", request))
                        .Json(HttpStatusCode.OK);
                    decisions.Add(answer.GetProperty("decisionId").GetString()!);
                }
            }

            await Decide(5);
            var firstDraft = await app.ApproveLowerVipThreshold();
            var approver = app.Client("approver");
            await (await approver.PostJson("/v1/rulesets/retail-tiering/versions/2/activate",
                new { comment = "Go live" })).Json(HttpStatusCode.OK);
            await Decide(3);
            var checkpoint = await (await app.Client("auditor").PostAsync("/v1/checkpoints", null))
                .Json(HttpStatusCode.Created);
            await Decide(2);
            if (extras)
            {
                var week = app.Clock.GetUtcNow().AddDays(7);
                var schedule = new { comment = "Back in a week", effectiveAt = week };
                await (await approver.PostJson("/v1/rulesets/retail-tiering/versions/1/activate", schedule))
                    .Json(HttpStatusCode.OK);
                await (await app.Client("editor").PostJson("/v1/rulesets/retail-tiering/drafts", new { from = 2 }))
                    .Json(HttpStatusCode.Created);
            }

            var trail = (await (await app.Client("auditor").GetAsync("/v1/audit?ruleSet=retail-tiering"))
                .Json(HttpStatusCode.OK)).Items();
            var approval = trail.EnumerateArray()
                .Single(e => e.GetProperty("action").GetString() == "approved")
                .GetProperty("sequence")
                .GetInt64();
            var intact = await (await app.Client("auditor").PostJson("/v1/audit/verify", checkpoint))
                .Json(HttpStatusCode.OK);
            Assert.True(intact.GetProperty("intact").GetBoolean(), intact.ToString());
            Assert.Equal(extras ? 6 : 5, intact.GetProperty("activations").GetInt32());
            await app.StopAsync();
            return new Scene(app, checkpoint, firstDraft, approval, decisions);
        }
    }
}
