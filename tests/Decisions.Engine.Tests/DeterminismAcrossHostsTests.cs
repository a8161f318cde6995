using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Decisions.Engine.Tests;

/// <summary>
/// Runs the determinism probe (every seed rule set's embedded tests plus a corpus of dates around midnight,
/// 29 February and year end, Turkish and German casing, edge-of-precision numbers, and messages that format the
/// decision time, dates and amounts and sort and search text in Chinese, Turkish and German) as
/// child processes on hosts set to other time zones, locales and, with Debian's faketime, clocks moved by
/// years: the serialized decisions must be identical byte for byte. Each child also reports the culture,
/// zone and clock it saw, so a host that silently ignored its setting cannot pass.
/// </summary>
public sealed partial class DeterminismAcrossHostsTests
{
    private static readonly Lazy<Task<ProbeRun>> Baseline = new(() => Run("UTC", "C", null));

    public static TheoryData<string, string, string?> Hosts => new()
    {
        { "Asia/Shanghai", "zh_CN.UTF-8", null },
        { "America/Los_Angeles", "en_US.UTF-8", null },
        { "Pacific/Kiritimati", "tr_TR.UTF-8", null },
        { "Asia/Shanghai", "de_DE.UTF-8", null },
        { "Pacific/Kiritimati", "zh_CN.UTF-8", "+400d" },
        { "America/Los_Angeles", "de_DE.UTF-8", "-3000d" },
        { "UTC", "tr_TR.UTF-8", "+400d" },
    };

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Every_seed_test_and_the_corpus_decide_byte_for_byte_alike_on_another_host(
        string zone, string locale, string? clock)
    {
        if (clock is not null && FindFaketime() is null)
        {
            Assert.True(
                Environment.GetEnvironmentVariable("DECISIONS_REQUIRE_FAKETIME") != "1",
                "faketime is not installed, but DECISIONS_REQUIRE_FAKETIME=1 (set by ./test.sh) requires it: "
                + "apt-get install faketime.");
            return;
        }

        var baseline = await Baseline.Value;
        var run = await Run(zone, locale, clock);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Expected(locale), run.Host.Groups["culture"].Value);
        Assert.Equal(zone, run.Host.Groups["zone"].Value);
        var seen = DateTime.Parse(run.Host.Groups["now"].Value, CultureInfo.InvariantCulture,
            DateTimeStyles.RoundtripKind);
        var shift = seen - DateTime.UtcNow;
        var days = clock is null ? 0 : int.Parse(clock.TrimEnd('d'), CultureInfo.InvariantCulture);
        Assert.InRange(shift.TotalDays, days - 1, days + 1);
        Assert.True(baseline.Lines > 100, $"The baseline decided only {baseline.Lines} cases.");
        Assert.Equal(baseline.Output, run.Output);
    }

    private static string Expected(string locale) => locale == "C" ? "" : locale.Split('.')[0].Replace('_', '-');

    private static async Task<ProbeRun> Run(string zone, string locale, string? clock)
    {
        var host = Environment.ProcessPath;
        var dotnet = host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var probe = Path.Combine(AppContext.BaseDirectory, "Decisions.DeterminismProbe.dll");
        var start = new ProcessStartInfo(clock is null ? dotnet : FindFaketime()!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (clock is not null)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(clock);
            start.ArgumentList.Add(dotnet);
        }

        start.ArgumentList.Add(probe);
        start.ArgumentList.Add(RuleSetFiles.RuleSetsFolder);
        start.Environment["TZ"] = zone;
        start.Environment["LANG"] = locale;
        start.Environment["LC_ALL"] = locale;
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "0";
        // Only the wall clock moves: a monotonic clock thrown years back would stall the runtime's timers.
        start.Environment["FAKETIME_DONT_FAKE_MONOTONIC"] = "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var seen = HostLine().Match(await error);
        Assert.True(seen.Success, $"The probe did not report its host: {await error}");
        return new ProbeRun(process.ExitCode, await output, seen);
    }

    private static string? FindFaketime() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "faketime"))
            .FirstOrDefault(File.Exists);

    [GeneratedRegex("^host culture=(?<culture>\\S*) zone=(?<zone>\\S+) utcNow=(?<now>\\S+)$", RegexOptions.Multiline)]
    private static partial Regex HostLine();

    private sealed record ProbeRun(int ExitCode, string Output, Match Host)
    {
        public int Lines => Output.Count(c => c == '\n');
    }
}
