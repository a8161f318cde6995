using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Tests;

/// <summary>Outside Development the service does not start without API keys, nor with a weak or role-less key.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("short", "teller")]
    [InlineData("a-long-enough-key-0001", "superuser")]
    public void Production_refuses_to_start_without_proper_keys(string? key, string? role)
    {
        using var factory = new ProductionFactory(key, role);

        var failure = Assert.ThrowsAny<Exception>(() => factory.StartServer());

        Assert.IsType<OptionsValidationException>(failure.GetBaseException());
    }

    private sealed class ProductionFactory(string? key, string? role) : WebApplicationFactory<Program>
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
        }
    }
}
