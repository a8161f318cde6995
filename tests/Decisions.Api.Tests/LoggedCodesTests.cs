using System.Text;
using System.Text.Json;
using Decisions.Api.Decisions;
using Decisions.Api.RuleSets;
using Decisions.Engine.Model;

namespace Decisions.Api.Tests;

/// <summary>
/// Impact reads a logged answer's codes without parsing it into a document, by the names the answer pins (so they
/// hold under any naming policy), and refuses a damaged one.
/// </summary>
public sealed class LoggedCodesTests
{
    [Fact]
    public void The_codes_are_read_whatever_surrounds_them()
    {
        var answer = """
            {"decisionId":"d","ruleSet":{"name":"r","version":1},"tier":{"code":"VIP","name":"V"},
             "privileges":[{"code":"lounge","x":[1,{"code":"no"}]},{"name":"n","code":"fee-waiver"}],
             "nextAction":{"code":"call"},"trace":[{"code":"not-a-tier","steps":[]}]}
            """;

        var codes = LoggedCodes.Read(Encoding.UTF8.GetBytes(answer));

        Assert.Equal(("VIP", "call"), (codes.Tier, codes.Action));
        Assert.Equal(["fee-waiver", "lounge"], codes.Privileges.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_codes_are_read_from_an_answer_as_the_service_writes_it()
    {
        var at = new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
        var answer = new DecisionResponse(
            "d", new RuleSetRef("r", 1, "sha256:0"), at, at, new TierOutcome("VIP", "VIP", [], null, null),
            [new PrivilegeOutcome("lounge", "Lounge")], new ActionOutcome("call", "Call", 1, null), [],
            new Dictionary<string, decimal>());

        var codes = LoggedCodes.Read(JsonSerializer.SerializeToUtf8Bytes(answer, JsonSerializerOptions.Default));

        Assert.Equal(("VIP", "call", "lounge"), (codes.Tier, codes.Action, Assert.Single(codes.Privileges)));
    }

    [Theory]
    [InlineData("""{"tier":{"code":"A"},"privileges":[],"nextAction":null,"trace":[]}""")]
    [InlineData("""{"privileges":[],"tier":{"code":"A"},"scores":{"s":1}}""")]
    public void No_next_action_reads_as_none(string answer) =>
        Assert.Equal("", LoggedCodes.Read(Encoding.UTF8.GetBytes(answer)).Action);

    [Theory]
    [InlineData("""{"privileges":[],"nextAction":null}""")]
    [InlineData("""{"tier":{"name":"A"},"privileges":[]}""")]
    [InlineData("""{"tier":{"code":"A"},"privileges":{}}""")]
    [InlineData("""{"tier":{"code":"A"},"privileges":[""")]
    [InlineData("""[]""")]
    [InlineData("""{"tier":{"code":"A"},"privileges":[],"nextAction":null,"trace":[{"rule":""")]
    [InlineData("""{"tier":{"code":"A"},"privileges":[]} {}""")]
    public void An_answer_without_its_codes_is_refused(string answer) =>
        Assert.ThrowsAny<JsonException>(() => LoggedCodes.Read(Encoding.UTF8.GetBytes(answer)));
}
