using System.Net;
using Decisions.Api.Storage;
using LiteDB;
using Npgsql;

namespace Decisions.Api.Tests;

/// <summary>
/// Erasure keeps tamper evidence: a payload edited next to erased decisions, or an erased decision's kept digest
/// edited, is named by verification; a file written before blocks can be erased and still verifies.
/// </summary>
public sealed class ErasureTamperTests
{
    [Theory]
    [InlineData(2, "the payload of a decision that was not erased", "Its content or link does not match its hash.")]
    [InlineData(1, "the digest kept for an erased decision", "Its content or link does not match its hash.")]
    [InlineData(0, "a payload removed as if erased", "It is erased, but no erasure in the trail records it.")]
    public async Task An_edit_next_to_erased_decisions_is_still_detected(long sequence, string edited, string reason)
    {
        var app = new DecisionsAppFixture();
        string[] ids = [await app.Decide("T-ERASED"), await app.Decide("T-KEPT", 100_000),
            await app.Decide("T-ERASED")];
        Assert.Equal(2, (await app.Erase("T-ERASED")).GetProperty("erased").GetInt32());
        await app.Verify();
        await app.StopAsync();

        await Edit(app, sequence);
        await using var reopened = app.Reopened();
        var report = await reopened.Read("auditor", "/v1/audit/verify");
        Assert.False(report.GetProperty("intact").GetBoolean(), edited);
        sequence = sequence == 0 ? 2 : sequence;
        Assert.Equal($"decision {ids[sequence - 1]} (#{sequence})", report.GetProperty("firstBroken").GetString());
        Assert.Equal(reason, report.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_payload_edited_before_its_erasure_is_still_named_after_it()
    {
        var app = new DecisionsAppFixture();
        string[] ids = [await app.Decide("T-OTHER"), await app.Decide("T-KEPT", 100_000)];
        await app.StopAsync();

        await Edit(app, 2);
        await using var reopened = app.Reopened();
        Assert.Equal(1, (await reopened.Erase("T-KEPT")).GetProperty("erased").GetInt32());
        var report = await reopened.Read("auditor", "/v1/audit/verify");
        Assert.False(report.GetProperty("intact").GetBoolean(), "The erasure hid an edited payload.");
        Assert.Equal($"decision {ids[1]} (#2)", report.GetProperty("firstBroken").GetString());
        Assert.Equal("Its content or link does not match its hash.", report.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_file_written_before_blocks_can_be_erased_and_still_verifies()
    {
        var directory = Directory.CreateTempSubdirectory("decisions-legacy-erasure-").FullName;
        File.Copy(
            Path.Combine(DecisionsAppFixture.RepositoryRoot(), "tests", "Decisions.Api.Tests", "TestData", "upgrade",
                "legacy.litedb"),
            Path.Combine(directory, "decisions.db"));
        var app = DecisionsAppFixture.OnLiteDbDirectory(directory);
        app.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 15, 2, 0, 0, TimeSpan.Zero)); // after the fixture's activations
        var before = (await app.Verify()).GetProperty("decisions").GetInt32();
        var legacy = (await app.Read("auditor", "/v1/decisions?customerId=R-0001")).Items().GetArrayLength();
        Assert.True(legacy > 0, "The fixture holds decisions of R-0001.");
        await app.Decide("R-0001");

        Assert.Equal(legacy + 1, (await app.Erase("R-0001")).GetProperty("erased").GetInt32());
        Assert.Empty((await app.Read("auditor", "/v1/decisions?customerId=R-0001")).Items().EnumerateArray());
        Assert.Equal(before + 1, (await app.Verify()).GetProperty("decisions").GetInt32());
        var replayed = (await app.Read("auditor", "/v1/decisions?customerId=R-0002"))
            .Items()
            .EnumerateArray()
            .First()
            .GetProperty("decisionId")
            .GetString();
        Assert.True((await app.Post("auditor", $"/v1/decisions/{replayed}/replay", new { }, HttpStatusCode.OK))
            .GetProperty("identical")
            .GetBoolean());

        var restarted = await app.Restart();
        await using (restarted)
        {
            Assert.Equal(before + 1, (await restarted.Verify()).GetProperty("decisions").GetInt32());
        }
    }

    private static async Task Edit(DecisionsAppFixture app, long sequence)
    {
        if (app.PostgresConnectionString is { } postgres)
        {
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync();
            var sql = sequence switch
            {
                1 => "update decisions set digest = 'sha256:' || repeat('0', 64) where seq = 1",
                2 => "update decisions set input = replace(input, '100000', '9100000') where seq = 2",
                // Trail entry 1 exists (the seeding), but it records no erasure.
                _ => "update decisions set input = null, output = null, customer_id = null, "
                    + "digest = 'sha256:' || repeat('0', 64), "
                    + "erased_at = (select erased_at from decisions where seq = 1), erased_by = 1 where seq = 2",
            };
            await using var command = new NpgsqlCommand(sql, connection);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
            return;
        }

        StoredDecisionFile.Edit(app.DataDirectory, sequence == 0 ? 2 : sequence, entry =>
        {
            if (sequence == 0)
            {
                ErasureMapping.Erase(entry, entry["digest"].AsString, new ErasureReceipt(1, 1),
                    DateTimeOffset.UnixEpoch);
                return;
            }

            if (sequence == 1)
            {
                entry["digest"] = "sha256:" + new string('0', 64);
                return;
            }

            var (input, output) = Payload.Unpack(entry["payload"].AsBinary);
            entry["payload"] = new BsonValue(Payload.Pack(
                input.Replace("100000", "9100000", StringComparison.Ordinal), output));
        });
    }
}
