using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Decisions.Api.Tests;

/// <summary>An operator starts the built service as <c>dotnet Decisions.Api.dll</c> from wherever they are.</summary>
public sealed class DeploymentTests
{
    private const string Key = "deployment-test-teller-key-0001";

    [Fact]
    public async Task The_built_service_started_from_another_directory_finds_its_seed_rule_sets_and_becomes_ready()
    {
        var lines = new ConcurrentQueue<string>();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(DecisionsAppFixture.RepositoryRoot(), "api", "bin", configuration, "net10.0", "Decisions.Api.dll");
        var elsewhere = Directory.CreateTempSubdirectory("decisions-cwd-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = elsewhere,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__Provider"] = "LiteDb",
                ["Storage__LiteDb__Path"] = Path.Combine(elsewhere, "data", "decisions.db"),
                ["Auth__ApiKeys__0__Key"] = Key,
                ["Auth__ApiKeys__0__Role"] = "teller",
                ["Auth__ApiKeys__0__Name"] = "deployment-test",
                ["Checkpoints__KeyId"] = "deployment-test-1",
                ["Checkpoints__SigningKey"] = DecisionsAppFixture.CheckpointKey,
                // Request logs, so that the JSON log has events inside the decision's trace.
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            },
        };
        using var service = Process.Start(start)!;
        service.OutputDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
        service.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await ReadyAsync(client);
            Assert.True(ready == HttpStatusCode.OK, $"/readyz answered {ready}");
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var body = new { ruleSet = "retail-tiering", customer = new { customerId = "cwd-1", avgDailyBalance = 10 } };
            var trace = ActivityTraceId.CreateRandom();
            await (await TracingTests.Send(client, trace, body)).Json(HttpStatusCode.OK);
            await JsonLogs.InTrace(lines, trace.ToHexString());
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    private static async Task<HttpStatusCode?> ReadyAsync(HttpClient client)
    {
        HttpStatusCode? last = null;
        for (var attempt = 0; attempt < 300 && last != HttpStatusCode.OK; attempt++)
        {
            try
            {
                last = (await client.GetAsync("/readyz")).StatusCode;
            }
            catch (HttpRequestException)
            {
                last = null;
            }

            await Task.Delay(last == HttpStatusCode.OK ? 0 : 100);
        }

        return last;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
