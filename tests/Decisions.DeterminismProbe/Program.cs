using System.Globalization;
using System.Text.Json;
using Decisions.Engine;
using Decisions.Engine.Compilation;
using Decisions.Engine.Serialization;

// Evaluates every embedded test of every rule set given (the seeds and the host-sensitive corpus next to
// this program) and writes each decision as one JSON line. Run under different TZ, LANG/LC_ALL and a faked
// clock, the output must not change by a byte; stderr says which host it saw, so a test can tell that the
// environment really changed.
var files = args.SelectMany<string, string>(path => Directory.Exists(path)
        ? Directory.EnumerateFiles(path, "v*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        : [path])
    .Append(Path.Combine(AppContext.BaseDirectory, "corpus.json"));
var compiler = new RuleSetCompiler(new DecisionEngineOptions());
var output = new JsonSerializerOptions(RuleSetJson.Options) { WriteIndented = false };
using var stdout = new StreamWriter(Console.OpenStandardOutput()) { NewLine = "\n" };
// Each file also as format 2 (absent inputs null, messages written for the locale), so both semantics are probed.
var versions = files.SelectMany(file => new[] { (file, Format: (int?)null), (file, Format: 2) });
foreach (var (file, format) in versions)
{
    var (ruleSet, problem) = RuleSetJson.Parse(File.ReadAllText(file));
    ruleSet = format is null || ruleSet is null ? ruleSet : ruleSet with { Format = format };
    var compiled = ruleSet is null ? null : compiler.Compile(ruleSet);
    if (compiled?.RuleSet is not { } rules)
    {
        await Console.Error.WriteLineAsync($"{file}: {problem?.Message ?? string.Join("; ", compiled!.Problems)}");
        return 1;
    }

    foreach (var (test, index) in rules.Definition.Tests.Select((test, index) => (test, index)))
    {
        var result = rules.Evaluate(test.Customer, test.AsOf);
        var name = $"{rules.Ref.Name} v{rules.Ref.Version} format {format ?? 1}";
        var line = $"{name} tests[{index}] {JsonSerializer.Serialize(result, output)}";
        await stdout.WriteLineAsync(line);
    }
}

await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
    $"host culture={CultureInfo.CurrentCulture.Name} zone={TimeZoneInfo.Local.Id} utcNow={DateTime.UtcNow:O}"));
return 0;
