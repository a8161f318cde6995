using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Cli;

namespace Decisions.Api.Tests;

/// <summary>
/// What <c>decisions diff --json</c> and <c>decisions simulate</c> print without a server is what the service
/// answers for the same versions: the tool in a product team's CI and the service never disagree.
/// </summary>
public sealed class CliParityTests : IAsyncLifetime
{
    private readonly DecisionsAppFixture _app =
        DecisionsAppFixture.With(new Dictionary<string, string> { ["RuleSets:SeedThroughVersion"] = "2" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("retail-tiering")]
    [InlineData("prospect-grading")]
    public async Task The_diff_of_two_files_is_the_services_diff_of_the_two_versions(string name)
    {
        var service = await _app.Read("editor", $"/v1/rulesets/{name}/diff?from=1&to=2");

        var tool = await Run("diff", Seed(name, 1), Seed(name, 2), "--json");

        Assert.Equal(0, tool.Code);
        AssertSameJson(service, tool.Output);
    }

    [Theory]
    [InlineData("retail-tiering", 2, "reasons")]
    [InlineData("big-customer-revenue", 2, "full")]
    [InlineData("prospect-grading", 1, "counterfactual")]
    [InlineData("corporate-tiering", 2, "full")]
    public async Task A_simulated_decision_is_the_services_simulation_of_the_version(string name,
        int version, string explain)
    {
        var test = JsonNode.Parse(File.ReadAllText(Seed(name, version)))!["tests"]![0]!;
        var (customer, asOf) = (test["customer"]!, (string)test["asOf"]!);
        var service = await _app.Post("editor", $"/v1/rulesets/{name}/versions/{version}/simulate",
            new { customer, asOf, explain }, HttpStatusCode.OK);

        var tool = await Run(
            "simulate", Seed(name, version), "--customer", customer.ToJsonString(), "--as-of",
            asOf, "--explain", explain);

        Assert.Equal(0, tool.Code);
        AssertSameJson(service, tool.Output);
    }

    [Fact]
    public async Task A_failed_simulation_is_the_services_failure_with_the_same_problems()
    {
        var customer = new JsonObject { ["customerId"] = 7 };
        var service = await _app.Post("editor", "/v1/rulesets/retail-tiering/versions/2/simulate",
            new { customer, asOf = "2026-07-15T10:00:00Z" }, HttpStatusCode.OK);

        var tool = await Run(
            "simulate", Seed("retail-tiering", 2), "--customer", customer.ToJsonString(),
            "--as-of", "2026-07-15T10:00:00Z");

        Assert.Equal(1, tool.Code);
        AssertSameJson(service, tool.Output);
    }

    private static void AssertSameJson(JsonElement service, string tool)
    {
        var expected = JsonNode.Parse(service.GetRawText());
        var actual = JsonNode.Parse(tool);
        Assert.True(JsonNode.DeepEquals(expected, actual),
            $"The service answered\n{expected}\nthe tool printed\n{actual}");
    }

    private static string Seed(string name, int version) =>
        Path.Combine(DecisionsAppFixture.RepositoryRoot(), "rulesets", name, $"v{version}.json");

    private static async Task<(int Code, string Output)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DecisionsTool.RunAsync(args, new ToolContext(output, error, _ => null, TimeProvider.System));
        Assert.Empty(error.ToString());
        return (code, output.ToString());
    }
}
