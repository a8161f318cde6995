using System.Text.Json;

namespace Decisions.Engine.Model;

/// <summary>An example decision embedded in a rule set; every one must pass before a version is submitted.</summary>
public sealed record RuleSetTest
{
    public required string Name { get; init; }

    public required DateTimeOffset AsOf { get; init; }

    public required JsonElement Customer { get; init; }

    public required TestExpectation Expect { get; init; }
}

/// <summary>What the decision must be; an omitted part is not checked.</summary>
public sealed record TestExpectation
{
    public string? Tier { get; init; }

    /// <summary>The exact set of privilege codes.</summary>
    public IReadOnlyList<string>? Privileges { get; init; }

    /// <summary>The winning action's code; the empty string expects no action.</summary>
    public string? NextAction { get; init; }

    /// <summary>The alternatives' codes, in order.</summary>
    public IReadOnlyList<string>? Alternatives { get; init; }

    public IReadOnlyDictionary<string, decimal>? Scores { get; init; }

    /// <summary>Text the rendered next-action message must contain.</summary>
    public string? MessageContains { get; init; }

    /// <summary>Format 2: the decision's missing inputs, exactly (the empty list expects none).</summary>
    public IReadOnlyList<string>? MissingInputs { get; init; }

    /// <summary>Input paths the schema must reject (the decision is then expected to fail).</summary>
    public IReadOnlyList<string>? InputErrors { get; init; }
}
