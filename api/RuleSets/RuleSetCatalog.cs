using System.Collections.Frozen;
using Decisions.Engine.Compilation;
using Decisions.Engine.Validation;
using Microsoft.Extensions.Options;

namespace Decisions.Api.RuleSets;

/// <summary>
/// The rule sets found under the configured folder, each validated (its embedded tests included) and
/// compiled once at start. A rule set that fails validation is kept out and reported by <c>/readyz</c>.
/// </summary>
public sealed partial class RuleSetCatalog
{
    public RuleSetCatalog(RuleSetValidator validator, IOptions<RuleSetCatalogOptions> options, IHostEnvironment environment, ILogger<RuleSetCatalog> logger)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Path));
        var compiled = new Dictionary<(string, int), CompiledRuleSet>();
        var failures = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "v*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var report = validator.Validate(File.ReadAllText(file));
            if (report is { IsValid: true, Compiled: { } ruleSet })
            {
                compiled[(ruleSet.Ref.Name, ruleSet.Ref.Version)] = ruleSet;
                LogLoaded(logger, ruleSet.Ref.Name, ruleSet.Ref.Version, ruleSet.Ref.Hash, report.Tests!.Passed);
            }
            else
            {
                failures.Add($"{Path.GetRelativePath(folder, file)}: {string.Join("; ", report.Problems.Select(p => $"{p.Path}: {p.Message}"))}");
                LogInvalid(logger, file, failures[^1]);
            }
        }

        RuleSets = compiled.ToFrozenDictionary();
        Failures = failures;
    }

    public FrozenDictionary<(string Name, int Version), CompiledRuleSet> RuleSets { get; }

    public IReadOnlyList<string> Failures { get; }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded rule set {Name} v{Version} ({Hash}), {Tests} embedded tests passed")]
    private static partial void LogLoaded(ILogger logger, string name, int version, string hash, int tests);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rule set file {File} is invalid: {Problems}")]
    private static partial void LogInvalid(ILogger logger, string file, string problems);
}
