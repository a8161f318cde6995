namespace Decisions.Engine.Model;

/// <summary>Display text by locale (<c>zh-CN</c>, <c>en</c>).</summary>
#pragma warning disable CA1710 // The name is the domain's: a localized text, not a collection.
public sealed class LocalizedText : Dictionary<string, string>
#pragma warning restore CA1710
{
    public LocalizedText()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>The text in <paramref name="locale"/>, else the first one given.</summary>
    public string In(string locale) =>
        TryGetValue(locale, out var text) ? text : Values.FirstOrDefault() ?? string.Empty;
}

/// <summary>A tier: the first tier whose <see cref="When"/> holds is the customer's.</summary>
public sealed record TierRule
{
    public required string Code { get; init; }

    public required LocalizedText Label { get; init; }

    /// <summary>Boolean expression over <c>customer</c>, <c>params</c>, <c>scores</c>, <c>today</c>.</summary>
    public required string When { get; init; }

    /// <summary>Who in the organisation owns customers of this tier.</summary>
    public LocalizedText? Owner { get; init; }

    /// <summary>Optional Scriban template rendered when the tier is decided.</summary>
    public string? Message { get; init; }

    public string? Description { get; init; }
}

/// <summary>A privilege granted whenever <see cref="When"/> holds (it may read <c>tier</c>).</summary>
public sealed record PrivilegeRule
{
    public required string Code { get; init; }

    public required LocalizedText Label { get; init; }

    public required string When { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// A recommended next action; among the matches the lowest <see cref="Priority"/> number wins, ties by order.
/// </summary>
public sealed record NextActionRule
{
    public required string Code { get; init; }

    public required LocalizedText Title { get; init; }

    public required int Priority { get; init; }

    public required string When { get; init; }

    /// <summary>Scriban template of the instruction to the relationship manager.</summary>
    public required string Message { get; init; }

    public string? Description { get; init; }
}

/// <summary>A named number: either an expression or a points table, never both.</summary>
public sealed record ScoreRule
{
    public required string Name { get; init; }

    public LocalizedText? Label { get; init; }

    /// <summary>Numeric expression; it may read scores defined above it.</summary>
    public string? Expression { get; init; }

    public PointsTable? Table { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// A points table such as a scorecard: the first row that matches the value of <see cref="Of"/> gives the points.
/// </summary>
public sealed record PointsTable
{
    /// <summary>Expression whose value is looked up, e.g. <c>customer.annualIncome</c>.</summary>
    public required string Of { get; init; }

    public required IReadOnlyList<PointsRow> Rows { get; init; }

    /// <summary>Points when no row matches.</summary>
    public decimal Default { get; init; }
}

/// <summary>
/// A row matches a text value equal to <see cref="EqualTo"/>, or a number within [<see cref="Min"/>,
/// <see cref="Max"/>).
/// </summary>
public sealed record PointsRow
{
    [System.Text.Json.Serialization.JsonPropertyName("equals")]
    public string? EqualTo { get; init; }

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public required decimal Points { get; init; }
}
