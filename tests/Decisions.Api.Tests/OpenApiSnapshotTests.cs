using System.Net;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>
/// The OpenAPI document is the contract: any change to it must be deliberate. To accept a change, run the
/// tests with UPDATE_SNAPSHOTS=1 and commit <c>TestData/openapi.v1.json</c>.
/// </summary>
public sealed class OpenApiSnapshotTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task The_openapi_document_matches_the_committed_snapshot()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);
        var actual = JsonSerializer.Serialize(document, Indented).ReplaceLineEndings("\n") + "\n";
        var path = Path.Combine(DecisionsAppFixture.RepositoryRoot(), "tests", "Decisions.Api.Tests",
            "TestData", "openapi.v1.json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(path, actual);
        }

        Assert.True(File.Exists(path), "No snapshot yet: run the tests with UPDATE_SNAPSHOTS=1.");
        Assert.Equal(await File.ReadAllTextAsync(path), actual);
    }

    [Fact]
    public async Task Every_operation_documents_its_problem_answers_and_the_key_header()
    {
        var document = await (await app.Anonymous().GetAsync("/openapi/v1.json")).Json(HttpStatusCode.OK);

        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("ApiKey", out _));
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/v1/",
            StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var responses = operation.Value.GetProperty("responses");
                // Any valid key may ask who it is, so only /v1/me never answers 403.
                Assert.True(responses.TryGetProperty("401", out _),
                    $"{operation.Name} {path.Name} does not document 401.");
                Assert.True(path.Name == "/v1/me" || responses.TryGetProperty("403", out _),
                    $"{operation.Name} {path.Name} does not document 403.");
            }
        }

        var decide = document.GetProperty("paths").GetProperty("/v1/decisions").GetProperty("post");
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "503"],
            decide.GetProperty("responses").EnumerateObject().Select(r => r.Name).Order(StringComparer.Ordinal));
        foreach (var path in new[] { "/v1/decisions", "/v1/decisions/batch" })
        {
            var parameters = document.GetProperty("paths")
                .GetProperty(path)
                .GetProperty("post")
                .GetProperty("parameters")
                .EnumerateArray();
            Assert.Contains(parameters,
                p =>
                    p.GetProperty("name")
                        .GetString() == "Idempotency-Key" && p.GetProperty("in")
                        .GetString() == "header");
        }

        Assert.Equal("retail-tiering",
            decide.GetProperty("requestBody")
                .GetProperty("content")
                .GetProperty("application/json")
                .GetProperty("example")
                .GetProperty("ruleSet")
                .GetString());
    }
}
