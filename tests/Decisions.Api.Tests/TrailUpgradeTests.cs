using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Decisions.Api.Storage;

namespace Decisions.Api.Tests;

/// <summary>
/// Trail entries now record an activation's effective time and the activation a cancellation cancels. Trails
/// written before keep their hashes and still verify: the new fields are hashed only when present.
/// </summary>
public sealed class TrailUpgradeTests
{
    [Fact]
    public void An_entry_without_the_new_fields_hashes_exactly_as_before()
    {
        var entry = new AuditEntry(
            7, new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero), "approver", "approved", "retail-tiering", 2,
            "sha256:ab", "ok", Chain.Genesis, "");
        // The formula of the service before this change, written out.
        var before = JsonSerializer.Serialize(new
        {
            entry.Sequence, At = entry.At.ToString("O", CultureInfo.InvariantCulture), entry.Actor, entry.Action,
            entry.RuleSet, entry.Version,
            entry.ContentHash, entry.Comment, entry.PreviousHash,
        });

        Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(before))),
            Chain.Of(entry));
        Assert.NotEqual(Chain.Of(entry), Chain.Of(entry with { EffectiveAt = entry.At }));
    }

    [Fact]
    public async Task A_trail_whose_activation_entries_lack_effective_times_still_verifies()
    {
        var scene = await TamperTests.Scene.Play(extras: true);
        var store = StoreTampering.Of(scene.App);
        foreach (var entry in store.Audit().Where(e => e.EffectiveAt is not null || e.Cancels is not null).ToList())
        {
            store.EditAuditEntry(entry.Sequence, e => e with { EffectiveAt = null, Cancels = null }, rechain: true);
        }

        await using var restarted = scene.App.Reopened();
        var report = await (await restarted.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);

        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(6, report.GetProperty("activations").GetInt32());
    }
}
