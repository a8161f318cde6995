using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>Finds the repository's <c>rulesets/</c> folder and the test data next to the tests.</summary>
internal static class RuleSetFiles
{
    public static string Root { get; } = FindRoot();

    public static string RuleSetsFolder => Path.Combine(Root, "rulesets");

    /// <summary>
    /// Every rule-set version file under <c>rulesets/</c>, relative to it: a new one is tested without code changes.
    /// </summary>
    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(RuleSetsFolder, "v*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RuleSetsFolder, path))
            .Order(StringComparer.Ordinal);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RuleSetsFolder, relativePath));

    public static RuleSet Load(string relativePath) =>
        RuleSetJson.Parse(Read(relativePath)).RuleSet
            ?? throw new InvalidDataException($"{relativePath} does not parse.");

    public static string TestData(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Decisions.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Decisions.sln not found above " + AppContext.BaseDirectory);
    }
}
