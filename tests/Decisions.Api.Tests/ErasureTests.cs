using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Decisions.Api.Tests;

/// <summary>
/// A customer's lawful erasure request: the personal data leaves the log, the log still verifies, reads and replays
/// say the decision was erased, other customers are untouched, and the trail records who, why and how many.
/// </summary>
public sealed class ErasureTests
{
    [Fact]
    public async Task Erasing_a_customer_removes_its_data_keeps_the_log_verifiable_and_leaves_others_replayable()
    {
        var app = new DecisionsAppFixture();
        var from = app.Clock.GetUtcNow();
        var erased = new List<string>();
        var kept = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            erased.Add(await app.Decide("E-0001", 100_000 * (i + 1)));
            kept.Add(await app.Decide("K-0001", 200_000 * (i + 1)));
        }

        var receipt = await app.Erase("E-0001");
        Assert.Equal(3, receipt.GetProperty("erased").GetInt32());
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("E-0001")));
        Assert.Equal(digest, receipt.GetProperty("customerDigest").GetString());

        var read = await app.Read("auditor", $"/v1/decisions/{erased[1]}");
        Assert.True(read.IsErased());
        Assert.Equal(receipt.GetProperty("trailEntry").GetInt64(),
            read.GetProperty("erasure").GetProperty("trailEntry").GetInt64());
        Assert.All(["customerId", "input", "output"],
            field => Assert.Equal(System.Text.Json.JsonValueKind.Null, read.GetProperty(field).ValueKind));
        var gone = await app.Refused("auditor", $"/v1/decisions/{erased[1]}/replay", new { }, HttpStatusCode.Gone);
        Assert.Contains($"trail entry #{receipt.GetProperty("trailEntry").GetInt64()}",
            gone.GetProperty("detail").GetString(), StringComparison.Ordinal);

        Assert.Empty((await app.Read("auditor", "/v1/decisions?customerId=E-0001")).Items().EnumerateArray());
        Assert.Equal(3, (await app.Read("auditor", "/v1/decisions?customerId=K-0001")).Items().GetArrayLength());
        var listed = (await app.Between(from, from.AddMinutes(1))).EnumerateArray().ToList();
        Assert.Equal(erased.Order(),
            listed.Where(d => d.IsErased()).Select(d => d.GetProperty("decisionId").GetString()).Order());
        Assert.Equal(kept.Order(),
            listed.Where(d => !d.IsErased()).Select(d => d.GetProperty("decisionId").GetString()).Order());
        foreach (var id in kept)
        {
            Assert.True((await app.Post("auditor", $"/v1/decisions/{id}/replay", new { }, HttpStatusCode.OK))
                .GetProperty("identical")
                .GetBoolean());
        }

        var summary = await app.Post("auditor", "/v1/decisions/replay",
            new { from, to = from.AddMinutes(1) }, HttpStatusCode.OK);
        Assert.Equal((3, 3, 3, 0), (
            summary.GetProperty("replayed").GetInt32(), summary.GetProperty("identical").GetInt32(),
            summary.GetProperty("erased").GetInt32(), summary.GetProperty("failed").GetInt32()));
        Assert.Equal(6, (await app.Verify()).GetProperty("decisions").GetInt32());

        var entry = Assert.Single(await app.Trail("decisions-erased"));
        Assert.Equal(("admin", digest),
            (entry.GetProperty("actor").GetString(), entry.GetProperty("contentHash").GetString()));
        Assert.Equal("3 decision(s) erased: PIPL request #7", entry.GetProperty("comment").GetString());
        Assert.DoesNotContain("E-0001", (await app.Read("auditor", "/v1/audit")).ToString(), StringComparison.Ordinal);

        Assert.Equal(0, (await app.Erase("E-0001")).GetProperty("erased").GetInt32());
        Assert.Equal(2, (await app.Trail("decisions-erased")).Count);

        // The erasures were updates in place: the file (or database) reopens healthy and still verifies.
        var restarted = await app.Restart();
        await using (restarted)
        {
            Assert.Equal(6, (await restarted.Verify()).GetProperty("decisions").GetInt32());
            Assert.True((await restarted.Read("auditor", $"/v1/decisions/{erased[0]}")).IsErased());
            await restarted.Decide("E-0001");
            Assert.Single((await restarted.Read("auditor", "/v1/decisions?customerId=E-0001"))
                .Items()
                .EnumerateArray());
        }
    }

    [Fact]
    public async Task Only_an_admin_erases_and_a_request_names_the_customer_and_the_reason()
    {
        await using var app = new DecisionsAppFixture();
        foreach (var who in new[] { "teller", "editor", "approver", "auditor" })
        {
            await app.Refused(who, "/v1/erasures", new { customerId = "X", reason = "r" }, HttpStatusCode.Forbidden);
        }

        var problem = await app.Refused("admin", "/v1/erasures", new { customerId = " ", reason = "" },
            HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["customerId", "reason"],
            problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
        Assert.Empty(await app.Trail("decisions-erased"));
    }
}
