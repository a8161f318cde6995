using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// A rule-set file declares the semantics it was written for; files without the declaration are format 1 and
/// keep their content hash, so decisions logged under them still name the same version content: the hash logged
/// before still matches (big-customer-revenue's by the form hashes had before RFC 8785, see JcsHashTests).
/// </summary>
public sealed class FormatVersionTests
{
    [Theory]
    [InlineData("big-customer-revenue", "sha256:3e1ae83cec7ac9a63e57aa8c6772ef877bbc9118d0ee97b0c142959b20381082")]
    [InlineData("corporate-tiering", "sha256:221310329a35a0a07afd26123bf9324c75adf78036fd73df0301a6c3fec2e888")]
    [InlineData("prospect-grading", "sha256:5b9bef877400ac7a0ba8a14400f8c533d6b475be220e286d65ba4a2b959e3f31")]
    [InlineData("retail-tiering", "sha256:28f2f4a4b0ad6f153c447c9c611373d8448a94d9f62ffede048b66bebd91cd23")]
    public void Version_1_files_hash_as_before_the_format_existed(string name, string hashBefore)
    {
        var ruleSet = RuleSetFiles.Load($"{name}/v1.json");

        Assert.Null(ruleSet.Format);
        Assert.Equal(RuleSetFormat.Original, RuleSetFormat.Of(ruleSet));
        Assert.True(RuleSetJson.Matches(ruleSet, hashBefore));
        var logged = name == "big-customer-revenue" ? RuleSetJson.SortedKeysHash(ruleSet) : RuleSetJson.Hash(ruleSet);
        Assert.Equal(hashBefore, logged);
    }

    [Fact]
    public void Declaring_a_format_changes_the_hash_and_survives_a_round_trip()
    {
        var original = RuleSetFiles.Load("retail-tiering/v1.json");
        var declared = original with { Format = RuleSetFormat.MissingIsNull };
        var reread = RuleSetJson.Parse(RuleSetJson.Serialize(declared)).RuleSet!;

        Assert.NotEqual(RuleSetJson.Hash(original), RuleSetJson.Hash(declared));
        Assert.Equal(RuleSetFormat.MissingIsNull, reread.Format);
        Assert.Equal(RuleSetJson.Hash(declared), RuleSetJson.Hash(reread));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void An_unknown_format_is_refused_at_its_path(int format)
    {
        var report = Engine.Validator.Validate(MinimalRuleSet.With(json => json["format"] = format).ToJsonString());

        var problem = Assert.Single(report.Problems);
        Assert.Equal("format", problem.Path);
        Assert.Contains($"Unknown format {format}", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_known_format_is_valid(int format)
    {
        var report = Engine.Validator.Validate(MinimalRuleSet.With(json => json["format"] = format).ToJsonString());

        Assert.True(report.IsValid, string.Join("; ", report.Problems));
    }

    [Fact]
    public void The_difference_of_two_versions_names_a_change_of_format()
    {
        var before = RuleSetFiles.Load("retail-tiering/v1.json");
        var after = before with { Format = RuleSetFormat.MissingIsNull };

        var change = Assert.Single(Comparison.RuleSetDiff.Compare(before, after));
        Assert.Equal(("metadata", "format"), (change.Section, change.Key));
    }
}
