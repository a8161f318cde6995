using System.Text.Json.Nodes;

namespace Decisions.Engine.Tests.Cli;

/// <summary>
/// <c>decisions diff</c>: the rule-level changes between two files, as text or as the service's JSON.
/// </summary>
public sealed class DiffCommandTests
{
    private const string Retail = "retail-tiering/v2.json";

    [Fact]
    public async Task A_changed_threshold_is_one_change_naming_the_parameter_with_its_values()
    {
        var changed = ToolRun.BrokenCopy(Retail, json => json["parameters"]!["vipAvgDailyBalance"]!["value"] = 600000);

        var run = await ToolRun.Of("diff", ToolRun.Seed(Retail), changed);

        Assert.Equal(0, run.Code);
        Assert.Equal(
            "retail-tiering version 2 -> retail-tiering version 2: 1 changes\n"
            + "changed  parameters vipAvgDailyBalance\n"
            + "    value: 500000 -> 600000\n",
            run.Output);
    }

    [Fact]
    public async Task Reordered_privileges_are_no_change_and_a_reordered_tier_is_one()
    {
        var privileges = ToolRun.BrokenCopy(Retail, json => Reverse(json["privileges"]!["rules"]!.AsArray()));
        var tiers = ToolRun.BrokenCopy(Retail, json => Reverse(json["tiers"]!["rules"]!.AsArray()));

        var unchanged = await ToolRun.Of("diff", ToolRun.Seed(Retail), privileges);
        var moved = await ToolRun.Of("diff", ToolRun.Seed(Retail), tiers);

        Assert.EndsWith(": 0 changes\n", unchanged.Output, StringComparison.Ordinal);
        Assert.Contains("changed  tiers VIP\n    position: 1 -> ", moved.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_lists_added_removed_and_changed_rules_with_before_and_after()
    {
        var edited = ToolRun.BrokenCopy(Retail, json =>
        {
            var rules = json["privileges"]!["rules"]!.AsArray();
            var removed = rules[0]!;
            rules.RemoveAt(0);
            removed["code"] = "PRIORITY_QUEUE_2";
            rules.Add(removed);
        });

        var run = await ToolRun.Of("diff", ToolRun.Seed(Retail), edited, "--json");

        Assert.Equal(0, run.Code);
        var changes = JsonNode.Parse(run.Output)!.AsArray();
        Assert.Equal(["privileges PRIORITY_QUEUE removed", "privileges PRIORITY_QUEUE_2 added"],
            changes.Select(c => $"{c!["section"]} {c["key"]} {c["kind"]}"));
        Assert.Equal("PRIORITY_QUEUE", (string?)changes[0]!["before"]!["code"]);
        Assert.Null(changes[0]!["after"]);
    }

    [Fact]
    public async Task A_file_that_does_not_parse_exits_1_with_its_path()
    {
        var broken = ToolRun.BrokenCopy(Retail, json => json["tiers"]!["rules"]![0]!["code"] = 7);

        var run = await ToolRun.Of("diff", ToolRun.Seed(Retail), broken);

        Assert.Equal(1, run.Code);
        Assert.StartsWith($"{broken}: error tiers.rules[0].code: ", run.Output, StringComparison.Ordinal);
    }

    private static void Reverse(JsonArray rules)
    {
        var reversed = rules.Reverse().Select(rule => rule!.DeepClone()).ToList();
        rules.Clear();
        reversed.ForEach(rules.Add);
    }
}
