using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Api.Checkpoints;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Tests;

/// <summary>
/// Signed checkpoints: signed on request and periodically, listed, checkable by an auditor with nothing but the
/// published public key, and a checkpoint the service did not sign is refused rather than trusted.
/// </summary>
public sealed class CheckpointTests
{
    [Fact]
    public async Task A_checkpoint_states_both_chain_heads_and_verifies_with_the_published_key_outside_the_service()
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, 3);
        var auditor = app.Client("auditor");
        var report = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);

        var checkpoint = await (await auditor.PostAsync("/v1/checkpoints", null)).Json(HttpStatusCode.Created);
        var key = await (await auditor.GetAsync("/v1/checkpoints/key")).Json(HttpStatusCode.OK);

        Assert.Equal(report.GetProperty("auditEntries").GetInt64(), checkpoint.GetProperty("auditEntries").GetInt64());
        Assert.Equal(3, checkpoint.GetProperty("decisions").GetInt64());
        Assert.Equal("test-checkpoints-1", checkpoint.GetProperty("keyId").GetString());
        Assert.False(checkpoint.GetProperty("development").GetBoolean());
        Assert.False(key.GetProperty("development").GetBoolean());
        // The statement as the README documents it, built here independently, checked with the public key only.
        var statement = string.Create(CultureInfo.InvariantCulture, $"""
            decisions-checkpoint/1
            key test-checkpoints-1
            development no
            at {checkpoint.GetProperty("at").GetString()!.Replace("+00:00", "Z", StringComparison.Ordinal)}
            audit {checkpoint.GetProperty("auditEntries")} {checkpoint.GetProperty("auditHead")}
            decisions 3 {checkpoint.GetProperty("decisionHead")}

            """);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(key.GetProperty("publicKeyPem").GetString());
        Assert.True(publicKey.VerifyData(
            Encoding.UTF8.GetBytes(statement.ReplaceLineEndings("\n")),
            Convert.FromBase64String(checkpoint.GetProperty("signature").GetString()!),
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var listed = await (await auditor.GetAsync("/v1/checkpoints")).Json(HttpStatusCode.OK);
        Assert.Equal(checkpoint.GetProperty("signature").GetString(), listed[0].GetProperty("signature").GetString());
    }

    [Fact]
    public async Task The_log_still_extends_a_checkpoint_after_more_decisions_and_a_restart()
    {
        var app = new DecisionsAppFixture();
        await Decide(app, 2);
        var checkpoint = await (await app.Client("auditor").PostAsync("/v1/checkpoints", null))
            .Json(HttpStatusCode.Created);
        await Decide(app, 2);
        await using var restarted = await app.Restart();
        await Decide(restarted, 1);

        var report = await (await restarted.Client("auditor").PostJson("/v1/audit/verify", checkpoint))
            .Json(HttpStatusCode.OK);

        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(5, report.GetProperty("decisions").GetInt32());
        Assert.Equal(checkpoint.GetProperty("at").GetDateTimeOffset(),
            report.GetProperty("checkpointAt").GetDateTimeOffset());
        Assert.Single((await (await restarted.Client("auditor").GetAsync("/v1/checkpoints")).Json(HttpStatusCode.OK))
            .EnumerateArray());
    }

    [Theory]
    [InlineData("decisions", 1)]
    [InlineData("auditEntries", 1)]
    [InlineData("signature", 0)]
    [InlineData("keyId", 0)]
    public async Task A_checkpoint_the_service_did_not_sign_is_refused(string field, int value)
    {
        await using var app = new DecisionsAppFixture();
        await Decide(app, 2);
        var auditor = app.Client("auditor");
        var checkpoint = JsonNode.Parse(
            (await (await auditor.PostAsync("/v1/checkpoints", null)).Json(HttpStatusCode.Created)).GetRawText())!;
        checkpoint[field] = field switch
        {
            "signature" => Convert.ToBase64String(new byte[70]),
            "keyId" => "someone-elses-key",
            _ => checkpoint[field]!.GetValue<long>() - value,
        };

        var problem = await (await auditor.PostJson("/v1/audit/verify", checkpoint))
            .Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("signature", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task The_service_signs_a_checkpoint_every_interval()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> {
            ["Checkpoints:Interval"] = "00:10:00" });
        await Decide(app, 1);
        var auditor = app.Client("auditor");
        Assert.Empty((await (await auditor.GetAsync("/v1/checkpoints")).Json(HttpStatusCode.OK)).EnumerateArray());

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var listed = await Eventually(
            async () => await (await auditor.GetAsync("/v1/checkpoints")).Json(HttpStatusCode.OK),
            l => l.GetArrayLength() == 1);

        Assert.Equal(1, listed[0].GetProperty("decisions").GetInt64());
        var report = await (await auditor.PostJson("/v1/audit/verify", listed[0])).Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
    }

    [Fact]
    public void A_development_key_marks_its_checkpoints_and_its_key_as_development()
    {
        using var signer = new CheckpointSigner(Options.Create(new CheckpointOptions
        {
            KeyId = "development-only-not-a-secret", SigningKey = DecisionsAppFixture.NewCheckpointKey(),
        }));

        var checkpoint = signer.Sign(new(new(0, Storage.Chain.Genesis), new(0, Storage.Chain.Genesis)),
            DateTimeOffset.UnixEpoch);

        Assert.True(checkpoint.Development);
        Assert.True(signer.PublicKey.Development);
        Assert.Contains("\ndevelopment yes\n", SignedCheckpoint.Statement(checkpoint), StringComparison.Ordinal);
        Assert.True(signer.Verifies(checkpoint));
        Assert.False(signer.Verifies(checkpoint with { Development = false }));
    }

    private static async Task Decide(DecisionsAppFixture app, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var request = new { ruleSet = "retail-tiering",
                customer = new { customerId = $"R-{i}", avgDailyBalance = 10 } };
            await (await app.Client("teller").PostJson("/v1/decisions", request)).Json(HttpStatusCode.OK);
        }
    }

    private static async Task<JsonElement> Eventually(Func<Task<JsonElement>> read, Func<JsonElement, bool> done)
    {
        for (var waited = 0; ; waited += 50)
        {
            var value = await read();
            if (done(value) || waited >= 10_000)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
