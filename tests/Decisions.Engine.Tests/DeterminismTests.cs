using System.Globalization;
using System.Text.Json;
using Decisions.Engine.Expressions;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// The same version, input and time give the same decision, byte for byte, on any thread and culture.
/// </summary>
public sealed class DeterminismTests
{
    private static readonly JsonSerializerOptions Output = new(RuleSetJson.Options) { WriteIndented = false };

    [Fact]
    public void A_decision_is_byte_identical_under_every_culture()
    {
        var ruleSet = Engine.Seed("retail-tiering");
        var test = ruleSet.Definition.Tests.First(t => t.Expect.NextAction == "LARGE_OUTFLOW_RETENTION");
        var original = CultureInfo.CurrentCulture;
        try
        {
            var outputs = new[] { "en-US", "de-DE", "tr-TR", "ar-SA", "zh-CN", "fr-FR" }.Select(name =>
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                return JsonSerializer.Serialize(ruleSet.Evaluate(test.Customer, test.AsOf).Decision, Output);
            }).ToList();

            Assert.Single(outputs.Distinct());
            Assert.Contains("200,000", outputs[0], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void One_compiled_rule_set_decides_identically_from_many_threads()
    {
        var ruleSet = Engine.Seed("retail-tiering");
        var expected = ruleSet.Definition.Tests
            .Select(t => JsonSerializer.Serialize(ruleSet.Evaluate(t.Customer, t.AsOf), Output))
            .ToArray();

        var mismatches = 0;
        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % expected.Length;
            var test = ruleSet.Definition.Tests[index];
            if (JsonSerializer.Serialize(ruleSet.Evaluate(test.Customer, test.AsOf), Output) != expected[index])
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void The_hash_ignores_formatting_and_key_order_but_not_meaning()
    {
        var text = RuleSetFiles.Read("retail-tiering/v1.json");
        var original = RuleSetFiles.Load("retail-tiering/v1.json");
        var reordered = JsonSerializer.Deserialize<Model.RuleSet>(
            JsonSerializer.Serialize(JsonSerializer.Deserialize<SortedDictionary<string, JsonElement>>(text)),
            RuleSetJson.Options)!;
        var changed = original with { Description = original.Description + "." };

        Assert.Equal(RuleSetJson.Hash(original), RuleSetJson.Hash(reordered));
        Assert.Equal(RuleSetJson.Hash(original),
            RuleSetJson.Hash(RuleSetJson.Parse(RuleSetJson.Serialize(original)).RuleSet!));
        Assert.NotEqual(RuleSetJson.Hash(original), RuleSetJson.Hash(changed));
        Assert.StartsWith("sha256:", RuleSetJson.Hash(original), StringComparison.Ordinal);
    }

    [Fact]
    public void Compiling_twice_gives_equal_but_separate_compiled_forms()
    {
        var first = Engine.Seed("prospect-grading");
        var second = Engine.Seed("prospect-grading");

        Assert.NotSame(first, second);
        Assert.Equal(first.Ref, second.Ref);
    }

    [Theory]
    [InlineData("2000-02-29", "2027-02-27", 1)]
    [InlineData("2000-02-29", "2028-02-29", 0)]
    [InlineData("1990-12-31", "2026-01-01", 364)]
    [InlineData("1990-06-15", "2026-06-15", 0)]
    public void Days_until_birthday_handles_leap_days_and_year_ends(string birth, string today, int expected) =>
        Assert.Equal(expected,
            Days.UntilBirthday(DateOnly.Parse(birth, CultureInfo.InvariantCulture),
                DateOnly.Parse(today, CultureInfo.InvariantCulture)));

    [Fact]
    public void Days_helpers_return_null_for_an_absent_date() =>
        Assert.Null(Days.Since(null, new DateOnly(2026, 1, 1)));
}
