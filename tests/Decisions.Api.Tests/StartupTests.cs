using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Tests;

/// <summary>
/// Outside Development the service does not start without API keys, nor with a weak or role-less key, nor
/// without a proper checkpoint signing key.
/// </summary>
public sealed class StartupTests
{
    private const string GoodKey = "a-long-enough-key-0001";

    [Theory]
    [InlineData(null, null)]
    [InlineData("short", "teller")]
    [InlineData(GoodKey, "superuser")]
    public void Production_refuses_to_start_without_proper_keys(string? key, string? role)
    {
        using var factory = new ProductionFactory(key, role, "production-2026", DecisionsAppFixture.CheckpointKey);

        var failure = Assert.ThrowsAny<Exception>(() => factory.StartServer());

        Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains("API key", failure.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "No checkpoint signing key is configured")]
    [InlineData("production-2026", null, "No checkpoint signing key is configured")]
    [InlineData("production-2026", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
        "is not an ECDSA P-256 private key")]
    [InlineData("production-2026", "rsa", "is not an ECDSA P-256 private key")]
    [InlineData("development-only-not-a-secret", "good", "is refused outside Development")]
    public void Production_refuses_to_start_without_a_proper_checkpoint_key(string? keyId,
        string? signingKey, string reason)
    {
        var pem = signingKey switch
        {
            "good" => DecisionsAppFixture.CheckpointKey,
            "rsa" => System.Security.Cryptography.RSA.Create(2048).ExportPkcs8PrivateKeyPem(),
            _ => signingKey,
        };
        using var factory = new ProductionFactory(GoodKey, "auditor", keyId, pem);

        var failure = Assert.ThrowsAny<Exception>(() => factory.StartServer());

        Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains(reason, failure.GetBaseException().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_starts_with_proper_keys()
    {
        using var factory = new ProductionFactory(GoodKey, "auditor", "production-2026",
            DecisionsAppFixture.CheckpointKey);

        factory.StartServer();
    }

    private sealed class ProductionFactory(string? key, string? role, string? checkpointKeyId,
        string? checkpointKey) : WebApplicationFactory<Program>
    {
        private readonly string _data = Directory.CreateTempSubdirectory("decisions-startup-").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage:LiteDb:Path", Path.Combine(_data, "decisions.db"));
            builder.UseSetting("RuleSets:Path", Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets"));
            if (key is not null)
            {
                builder.UseSetting("Auth:ApiKeys:0:Key", key);
                builder.UseSetting("Auth:ApiKeys:0:Role", role);
                builder.UseSetting("Auth:ApiKeys:0:Name", "someone");
            }

            if (checkpointKeyId is not null)
            {
                builder.UseSetting("Checkpoints:KeyId", checkpointKeyId);
            }

            if (checkpointKey is not null)
            {
                builder.UseSetting("Checkpoints:SigningKey", checkpointKey);
            }
        }
    }
}
