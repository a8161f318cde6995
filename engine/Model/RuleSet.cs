using System.Text.Json;
using System.Text.Json.Serialization;

namespace Decisions.Engine.Model;

/// <summary>
/// One version of a rule set, exactly as it is stored in <c>rulesets/&lt;name&gt;/v&lt;version&gt;.json</c>.
/// A published version never changes; its identity is <see cref="Name"/>, <see cref="Version"/> and the content hash.
/// </summary>
public sealed record RuleSet
{
    /// <summary>The editor hint (<c>$schema</c>); not part of the content hash.</summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    /// <summary>Stable identifier, lower-case with dashes (<c>retail-tiering</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Version number, 1 and up, increasing by one per published change.</summary>
    public required int Version { get; init; }

    public required string Description { get; init; }

    public required string Author { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// The semantics the file was written for (<see cref="RuleSetFormat"/>); absent means format 1, so files
    /// written before formats existed keep deciding, and hashing, exactly as they did.
    /// </summary>
    public int? Format { get; init; }

    /// <summary>Optional window outside which the version refuses to decide.</summary>
    public EffectiveWindow? Effective { get; init; }

    /// <summary>
    /// IANA time zone that turns the decision time into the local date the rules see as <c>today</c>.
    /// </summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>
    /// The locale whose label is returned as <c>label</c> in decisions (all labels are returned too).
    /// </summary>
    public string Locale { get; init; } = "zh-CN";

    /// <summary>Named, typed values the expressions read as <c>params.&lt;name&gt;</c>.</summary>
    public IReadOnlyDictionary<string, ParameterDefinition> Parameters { get; init; } =
        new Dictionary<string, ParameterDefinition>();

    /// <summary>The customer fields, read by expressions as <c>customer.&lt;name&gt;</c>.</summary>
    public required IReadOnlyDictionary<string, InputField> Input { get; init; }

    public RuleSection<ScoreRule> Scores { get; init; } = new();

    /// <summary>First match wins; the last rule must match everyone.</summary>
    public required RuleSection<TierRule> Tiers { get; init; }

    /// <summary>Every matching privilege is granted.</summary>
    public RuleSection<PrivilegeRule> Privileges { get; init; } = new();

    /// <summary>The matching action with the lowest priority number wins; the others are alternatives.</summary>
    public RuleSection<NextActionRule> NextActions { get; init; } = new();

    /// <summary>Examples that must decide as expected before the version can be submitted.</summary>
    public IReadOnlyList<RuleSetTest> Tests { get; init; } = [];
}

/// <summary>
/// A list of rules of one kind; an object so that a section can gain settings without a format break.
/// </summary>
public sealed record RuleSection<TRule>
{
    public IReadOnlyList<TRule> Rules { get; init; } = [];
}

/// <summary>The optional validity window of a version (from inclusive, until exclusive).</summary>
public sealed record EffectiveWindow
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? Until { get; init; }

    public bool Contains(DateTimeOffset instant) =>
        (From is null || instant >= From) && (Until is null || instant < Until);
}

/// <summary>
/// A named, typed value such as a threshold; product teams change these without touching expressions.
/// </summary>
public sealed record ParameterDefinition
{
    public required FieldType Type { get; init; }

    public required JsonElement Value { get; init; }

    /// <summary>Display text by locale, e.g. <c>贵宾门槛</c>: how explanations name the parameter to a teller.</summary>
    public LocalizedText? Label { get; init; }

    public string? Description { get; init; }

    /// <summary>
    /// The least value an editor may set (number and integer parameters): a value outside the bounds the policy
    /// allows, such as a factor "0.8 to 0.9", is refused at validation, so such a version cannot be submitted.
    /// </summary>
    public decimal? Minimum { get; init; }

    /// <summary>The greatest value an editor may set (number and integer parameters).</summary>
    public decimal? Maximum { get; init; }
}

/// <summary>One customer field of the input schema.</summary>
public sealed record InputField
{
    public required FieldType Type { get; init; }

    /// <summary>
    /// A missing or null required field rejects the input; a missing optional one takes its <see cref="Default"/>,
    /// else its type's empty value (format 1: 0, false, an empty list) or null (format 2).
    /// </summary>
    public bool Required { get; init; }

    /// <summary>The value an absent or null optional field takes, checked as an input value of its type.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>Display text by locale, e.g. <c>日均余额</c>: how explanations name the field to a teller.</summary>
    public LocalizedText? Label { get; init; }

    public string? Description { get; init; }

    /// <summary>Allowed values of a <c>string</c> field.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>Inclusive bounds of a <c>number</c> or <c>integer</c> field.</summary>
    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    /// <summary>Maximum length of a <c>string[]</c> field; it bounds the work an expression can do over it.</summary>
    public int? MaxItems { get; init; }

    /// <summary>What each item of a <c>string[]</c> field must be, such as the codes of a code list.</summary>
    public InputItems? Items { get; init; }

    /// <summary>Whether a <c>string[]</c> field refuses the same item twice (null, the default, allows it).</summary>
    public bool? UniqueItems { get; init; }
}

/// <summary>The constraint on every item of a <c>string[]</c> field.</summary>
public sealed record InputItems
{
    /// <summary>Allowed item values; an item outside them is refused with its path.</summary>
    public IReadOnlyList<string>? Enum { get; init; }
}

/// <summary>The value types of parameters and input fields.</summary>
[JsonConverter(typeof(Serialization.FieldTypeConverter))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720",
    Justification = "The names are the rule-set format's type names.")]
public enum FieldType
{
    String,
    Number,
    Integer,
    Boolean,
    Date,
    StringArray,
}
