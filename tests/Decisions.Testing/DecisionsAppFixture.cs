using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace Decisions.Testing;

/// <summary>
/// The real service on Kestrel at 127.0.0.1 with a fake clock, on a LiteDB file in a temporary directory or a new
/// PostgreSQL database (<see cref="Store"/>). <see cref="Restart"/> starts a second host on the same data, as a
/// process restart would.
/// </summary>
public sealed class DecisionsAppFixture : WebApplicationFactory<Program>
{
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>
    {
        ["teller"] = "test-teller-key-0000001",
        ["editor"] = "test-editor-key-0000001",
        ["editor2"] = "test-editor-key-0000002",
        ["approver"] = "test-approver-key-000001",
        ["auditor"] = "test-auditor-key-0000001",
        ["admin"] = "test-admin-key-000000001",
    };

    /// <summary>The checkpoint key of every test host in this process, so checkpoints verify across restarts.</summary>
    public static readonly string CheckpointKey = NewCheckpointKey();

    /// <summary>The preallocated journal size of a test host's LiteDB store.</summary>
    public const long JournalBytes = 8L * 1024 * 1024;

    private readonly IReadOnlyDictionary<string, string> _settings;

    public DecisionsAppFixture()
        : this(new Dictionary<string, string>())
    {
    }

    private DecisionsAppFixture(IReadOnlyDictionary<string, string> settings)
        : this(NewDataDirectory(), settings, Store == "Postgres" ? NewPostgresDatabase() : null)
    {
    }

    private DecisionsAppFixture(string dataDirectory, IReadOnlyDictionary<string, string> settings, string? postgres)
    {
        DataDirectory = dataDirectory;
        PostgresConnectionString = postgres;
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>
    /// The store the integration tests run against: <c>LiteDb</c>, or <c>Postgres</c> when the environment
    /// variable <c>DECISIONS_TEST_STORE</c> says so (./test.sh runs the suite once with each).
    /// </summary>
    public static string Store { get; } = Environment.GetEnvironmentVariable("DECISIONS_TEST_STORE") ?? "LiteDb";

    /// <summary>A fixture with extra configuration, e.g. tight limits.</summary>
    public static DecisionsAppFixture With(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>A replica: a host of its own on an existing PostgreSQL database shared with others.</summary>
    public static DecisionsAppFixture Replica(string postgres, IReadOnlyDictionary<string, string>? settings = null) =>
        new(NewDataDirectory(),
            settings ?? new Dictionary<string, string>(), postgres);

    /// <summary>
    /// A data directory deleted when the test process ends: hosts reopen one another's directories (restarts,
    /// replicas), so no single host may delete it when it stops.
    /// </summary>
    private static string NewDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("decisions-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(directory);
        return directory;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file still open or locked at exit stays; the next run does not depend on it.
        }
    }

    /// <summary>
    /// A host on a LiteDB store already in <paramref name="dataDirectory"/> (as <c>decisions.db</c>), e.g. a restored
    /// backup.
    /// </summary>
    public static DecisionsAppFixture OnLiteDbDirectory(string dataDirectory) =>
        new(dataDirectory, new Dictionary<string, string>(), null);

    /// <summary>
    /// A new, empty PostgreSQL database on the server in <c>DECISIONS_TEST_POSTGRES</c> (started by ./test.sh),
    /// as a connection string. The store creates its schema in it.
    /// </summary>
    public static string NewPostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable("DECISIONS_TEST_POSTGRES")
            ?? throw new InvalidOperationException(
                "DECISIONS_TEST_POSTGRES is not set: ./test.sh starts PostgreSQL and sets it.");
        var name = "decisions_test_" + Guid.NewGuid().ToString("N");
        using var connection = new NpgsqlConnection(server + ";Database=postgres");
        connection.Open();
        using var command = new NpgsqlCommand($"create database {name}", connection);
        command.ExecuteNonQuery();
        return $"{server};Database={name}";
    }

    /// <summary>The PostgreSQL database of this host, or null when it runs on LiteDB.</summary>
    public string? PostgresConnectionString { get; }

    /// <summary>
    /// A new host, not started, on this one's data (directory or database), as after a process restart.
    /// </summary>
    public DecisionsAppFixture Reopened() => new(DataDirectory, _settings, PostgresConnectionString);

    /// <summary>The decision time the service sees; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 15, 2, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; }

    public HttpClient Client(string who)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Keys[who]);
        return client;
    }

    public HttpClient Anonymous() => CreateClient();

    /// <summary>
    /// Stops the host and waits until it has closed the store. With a Program that calls <c>app.Run()</c>, the
    /// factory's dispose returns once the host has stopped, while the host's services (the store among them)
    /// are disposed afterwards on the entry-point thread; the store's lock file tells when it is done.
    /// </summary>
    public async Task StopAsync()
    {
        await DisposeAsync();
        if (PostgresConnectionString is not null)
        {
            return;
        }

        var lockFile = Path.Combine(DataDirectory, "decisions.db.lock");
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(50))
        {
            try
            {
                await using var probe = new FileStream(lockFile, FileMode.OpenOrCreate,
                    FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (IOException) when (waited < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops this host and starts another on the same data and clock, with other settings if given.</summary>
    public async Task<DecisionsAppFixture> Restart(IReadOnlyDictionary<string, string>? settings = null)
    {
        await StopAsync();
        var next = settings is null ? Reopened() : new(DataDirectory, settings, PostgresConnectionString);
        next.Clock.SetUtcNow(Clock.GetUtcNow());
        next.StartServer();
        return next;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:LiteDb:Path", Path.Combine(DataDirectory, "decisions.db"));
        builder.UseSetting("Storage:LiteDb:BackupDirectory", Path.Combine(DataDirectory, "backups"));

        // The journal is preallocated; at the production size a full run's hundreds of hosts would fill the disk.
        builder.UseSetting("Storage:LiteDb:JournalBytes", JournalBytes.ToString(CultureInfo.InvariantCulture));
        if (PostgresConnectionString is not null)
        {
            builder.UseSetting("Storage:Provider", "Postgres");
            builder.UseSetting("Storage:Postgres:ConnectionString", PostgresConnectionString);
        }

        builder.UseSetting("RuleSets:Path", Path.Combine(RepositoryRoot(), "rulesets"));

        // Most tests are written against version 1 of the seeds; a test of the newer ones says so in its settings.
        builder.UseSetting("RuleSets:SeedThroughVersion", "1");
        var index = 0;
        foreach (var (who, key) in Keys)
        {
            builder.UseSetting($"Auth:ApiKeys:{index}:Key", key);
            builder.UseSetting($"Auth:ApiKeys:{index}:Role", who.TrimEnd('2'));
            builder.UseSetting($"Auth:ApiKeys:{index}:Name", who);
            index++;
        }

        builder.UseSetting("Checkpoints:KeyId", "test-checkpoints-1");
        builder.UseSetting("Checkpoints:SigningKey", CheckpointKey);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>A new ECDSA P-256 private key as PKCS#8 PEM, as an operator would configure it.</summary>
    public static string NewCheckpointKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(
            System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Decisions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Decisions.sln not found.");
    }
}

/// <summary>Small helpers the integration tests share.</summary>
public static class HttpAssertions
{
    public static async Task<System.Text.Json.JsonElement> Json(
        this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {(int)response.StatusCode}: {body}");
        return System.Text.Json.JsonDocument.Parse(body.Length == 0 ? "null" : body).RootElement.Clone();
    }

    public static async Task<System.Text.Json.JsonElement> Problem(
        this HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Json(expected);
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);
}
