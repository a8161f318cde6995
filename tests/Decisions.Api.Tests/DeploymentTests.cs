using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Decisions.Api.Tests;

/// <summary>An operator starts the built service as <c>dotnet Decisions.Api.dll</c> from wherever they are.</summary>
public sealed partial class DeploymentTests
{
    private const string Key = "deployment-test-teller-key-0001";

    [Fact]
    public async Task The_built_service_started_from_another_directory_finds_its_seed_rule_sets_and_becomes_ready()
    {
        var elsewhere = Directory.CreateTempSubdirectory("decisions-cwd-").FullName;
        await DecideAsync(elsewhere, Production(elsewhere));
    }

    private static Dictionary<string, string> Production(string directory) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Storage__Provider"] = "LiteDb",
        ["Storage__LiteDb__Path"] = Path.Combine(directory, "data", "decisions.db"),
        ["Auth__ApiKeys__0__Key"] = Key,
        ["Auth__ApiKeys__0__Role"] = "teller",
        ["Auth__ApiKeys__0__Name"] = "deployment-test",
        ["Checkpoints__KeyId"] = "deployment-test-1",
        ["Checkpoints__SigningKey"] = DecisionsAppFixture.CheckpointKey,
    };

    /// <summary>
    /// Docker is not needed to check what compose.yaml gives a replica: its environment, with the variables it
    /// requires filled in, starts the built service on PostgreSQL, and the keys and the scraper's token it names work.
    /// </summary>
    [Fact]
    public async Task The_replica_environment_of_the_compose_file_starts_the_service_on_PostgreSQL()
    {
        var variables = new Dictionary<string, string>
        {
            ["TELLER_KEY"] = Key, ["EDITOR_KEY"] = "compose-editor-key-0001",
            ["APPROVER_KEY"] = "compose-approver-key-01",
            ["AUDITOR_KEY"] = "compose-auditor-key-001", ["ADMIN_KEY"] = "compose-admin-key-00001",
            ["METRICS_TOKEN"] = "compose-metrics-token-01", ["CHECKPOINT_KEY"] = DecisionsAppFixture.CheckpointKey,
            ["CHECKPOINT_KEY_ID"] = "compose-test-1", ["POSTGRES_PASSWORD"] = "unused",
        };
        var environment = ComposeReplicaEnvironment(variables);
        const string connection = "Storage__Postgres__ConnectionString";
        Assert.StartsWith("Host=postgres;Username=decisions;", environment[connection], StringComparison.Ordinal);
        // The one value that names the compose network's host: here, a test database on the local server.
        environment[connection] = DecisionsAppFixture.NewPostgresDatabase();
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        await DecideAsync(Directory.CreateTempSubdirectory("decisions-compose-").FullName, environment, async client =>
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", "compose-metrics-token-01");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/metrics")).StatusCode);
        });
    }

    /// <summary>
    /// With <c>Metrics:Port</c>, the service also listens there (beside its own URLs, which still serve) and answers
    /// <c>/metrics</c> there without a key, and nothing else; on the service's port <c>/metrics</c> still wants one.
    /// </summary>
    [Fact]
    public async Task The_metrics_port_serves_metrics_without_a_key_and_nothing_else()
    {
        var elsewhere = Directory.CreateTempSubdirectory("decisions-metrics-port-").FullName;
        var metricsPort = FreePort();
        var environment = Production(elsewhere);
        environment["Metrics__Port"] = metricsPort.ToString(CultureInfo.InvariantCulture);

        await DecideAsync(elsewhere, environment, async client =>
        {
            using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
            var metrics = await scraper.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
            var text = await metrics.Content.ReadAsStringAsync();
            Assert.Contains("http_request_duration_seconds", text, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await scraper.GetAsync("/v1/rulesets")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics")).StatusCode);
        });
    }

    // Starts the built service with the environment, waits until ready, decides as the teller, then runs the checks
    // given with a client of the service's port that has no key.
    private static async Task DecideAsync(
        string directory, Dictionary<string, string> environment, Func<HttpClient, Task>? then = null)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(DecisionsAppFixture.RepositoryRoot(), "api", "bin", configuration,
            "net10.0", "Decisions.Api.dll");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // Request logs, so that the JSON log has events inside the decision's trace.
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        var lines = new ConcurrentQueue<string>();
        using var service = Process.Start(start)!;
        service.OutputDataReceived += (_, line) => lines.Enqueue(line.Data ?? "");
        service.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = await ReadyAsync(client);
            Assert.True(ready == HttpStatusCode.OK, $"/readyz answered {ready}");
            client.DefaultRequestHeaders.Add("X-Api-Key", Key);
            var body = new { ruleSet = "retail-tiering",
                customer = new { customerId = "cwd-1", avgDailyBalance = 10 } };
            var trace = ActivityTraceId.CreateRandom();
            await (await TracingTests.Send(client, trace, body)).Json(HttpStatusCode.OK);
            await JsonLogs.InTrace(lines, trace.ToHexString());
            client.DefaultRequestHeaders.Remove("X-Api-Key");
            await (then?.Invoke(client) ?? Task.CompletedTask);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }
    }

    // The x-replica block's environment: "Name: value" lines, a folded ">-" value on the next line, ${NAME:?} filled
    // in.
    private static Dictionary<string, string> ComposeReplicaEnvironment(Dictionary<string, string> variables)
    {
        var lines = File.ReadAllLines(Path.Combine(DecisionsAppFixture.RepositoryRoot(), "compose.yaml"));
        var from = Array.IndexOf(lines, "x-replica: &replica");
        var block = lines.Skip(from).SkipWhile(l => l != "  environment:").Skip(1)
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal));
        var environment = new Dictionary<string, string>();
        string? folded = null;
        foreach (var line in block.Where(l => !l.TrimStart().StartsWith('#')))
        {
            if (folded is not null)
            {
                environment[folded] = line.Trim();
                folded = null;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (name, value) = (line[..colon].Trim(), line[(colon + 1)..].Trim());
            if (value == ">-")
            {
                folded = name;
            }
            else
            {
                environment[name] = value;
            }
        }

        return environment.ToDictionary(e => e.Key,
            e => Variable().Replace(e.Value, m => variables[m.Groups[1].Value]));
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

    [GeneratedRegex(@"\$\{([A-Z_]+):\?\}")]
    private static partial Regex Variable();
}
