using System.Text.Json;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// Message templates are code too. Anything that reaches the host, the clock or unbounded work is rejected
/// when the rule set is validated: by the template checks, at the rule's path, or, for what only shows when
/// a template runs, by the embedded tests that render it, at the test's path. Each case names the reason it
/// is refused for, so a check that refused nothing, or refused for another reason, could not pass it.
/// </summary>
public sealed class HostileTemplateTests
{
    private const string MessagePath = "nextActions.rules[0].message";

    [Theory]
    [InlineData("{{ for a in customer.tags }}{{ for b in customer.tags }}x{{ end }}{{ end }}", "nested loops")]
    [InlineData("{{ object.eval \"1 + 1\" }}", "object.eval, which is not available")]
    [InlineData("{{ object.eval_template \"{{ date.now }}\" }}", "object.eval_template, which is not available")]
    [InlineData("{{ date.now }}", "date.now, which is not available")]
    [InlineData("{{ date.utc_now.year }}", "date.utc_now, which is not available")]
    [InlineData("{{ date.parse \"00:00\" }}", "date.parse, which is not available")]
    [InlineData("{{ date.parse_to_string \"10:00\" \"%F\" }}", "date.parse_to_string, which is not available")]
    [InlineData("{{ date \"00:00\" }}", "date as a function, which parses")]
    [InlineData("{{ \"2026-06-14T20:00:00\" | date }}", "date as a function, which parses")]
    [InlineData("{{ asOf.localDateTime }}", "localDateTime, which converts a time to the host's time zone")]
    [InlineData("{{ asOf.local_date_time.hour }}", "localDateTime, which converts a time to the host's time zone")]
    [InlineData("{{ math.random 1 10 }}", "math.random, which is not available")]
    [InlineData("{{ math.uuid }}", "math.uuid, which is not available")]
    [InlineData("{{ string.pad_left \"x\" 1000000000 }}", "string.pad_left, which is not available")]
    [InlineData("{{ \"x\" | string.replace \"x\" \"xxxxxxxxxx\" }}", "string.replace, which is not available")]
    [InlineData("{{ import customer }}", "import, with and wrap")]
    [InlineData("{{ with customer }}{{ end }}", "import, with and wrap")]
    [InlineData("{{ x = 1 }}", "assigning variables")]
    [InlineData("{{ capture x }}y{{ end }}", "capture")]
    [InlineData("{{ for i in 1..1000000000 }}x{{ end }}", "ranges")]
    [InlineData("{{ 1..1000000000 | array.size }}", "ranges")]
    [InlineData("{{ while true }}x{{ end }}", "while loops")]
    [InlineData("{{ func f; ret f; end; f }}", "defining functions")]
    [InlineData("{{ \"x\" * 1000000000 }}", "a product without a number literal of at most 100")]
    [InlineData("{{ 1 << 1000000000 }}", "bit shifts")]
    [InlineData("{{ tablerow c in customer.tags }}{{ c }}{{ end }}", "tablerow")]
    public void A_hostile_template_is_refused_by_the_template_checks(string template, string reason) =>
        AssertRefused(template, MessagePath, $"Message templates may not use {reason}");

    [Theory]
    [InlineData("{{ include \"/etc/passwd\" }}", "`include`")]
    [InlineData("{{ regex.replace \"a\" \"a\" \"b\" }}", "`regex`")]
    [InlineData("{{ customer.GetType }}", "Cannot get member with name GetType")]
    [InlineData("{{ customer.get_type }}", "Cannot get member with name get_type")]
    [InlineData("{{ asOf[\"localDateTime\"] }}", "Cannot access target `asOf` with an indexer")]
    [InlineData("{{ asOf.dateTime | date.to_string \"%H:%M %Z\" }}", "(%Z, %s) of a time without a zone")]
    [InlineData("{{ asOf.dateTime | date.to_string \"%s\" }}", "(%Z, %s) of a time without a zone")]
    [InlineData("{{ asOf.utcDateTime | date.to_string \"%A\" \"fr-FR\" }}", "formats a date in the culture 'fr-FR'")]
    [InlineData("{{ customer.balance | math.format \"N2\" \"de-DE\" }}", "formats a number in the culture 'de-DE'")]
    [InlineData("{{ customer.balance | object.format \"N2\" \"tr-TR\" }}", "formats a number in the culture 'tr-TR'")]
    public void A_hostile_template_is_stopped_when_the_embedded_test_renders_it(string template, string reason) =>
        AssertRefused(template, "tests[0]", reason);

    [Fact]
    public void A_power_is_refused_at_its_path_by_the_parser() =>
        AssertRefused("{{ 10 ** 100000000 }}", MessagePath, "Template error at 1:8: Error while parsing binary");

    [Fact]
    public void The_members_a_template_can_list_of_the_decision_time_leave_out_its_local_time()
    {
        var compiled = Compile("{{ asOf | object.keys | array.join \",\" }}");

        var message = compiled.Evaluate(Customer, AsOf).Decision!.NextAction!.Message;

        Assert.Contains("utcDateTime", message, StringComparison.Ordinal);
        Assert.DoesNotContain("localDateTime", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_formats_the_decision_time_and_amounts_from_the_decision_alone()
    {
        var compiled = Compile("{{ asOf }}|{{ asOf.utcDateTime | date.to_string \"%F %R %Z %s\" }}|{{ asOf.hour }}"
            + "|{{ asOf.dateTime | date.add_days 1 | date.to_string \"%a %d %b %Y\" }}|{{ today }}"
            + "|{{ customer.balance | math.format \"N2\" }}"
            + "|{{ [\"b\", \"B\", \"a\"] | array.sort | array.join \"\" }}");

        var result = compiled.Evaluate(Customer, AsOf);

        // The hour is the decision time's own; today is the rule set's (Asia/Shanghai); text sorts invariantly.
        Assert.Equal(
            "06/14/2026 20:00:00 -07:00|2026-06-15 03:00 +00:00 1781492400|20|Mon 15 Jun 2026|2026-06-15"
            + "|1,234,567.89|abB",
            result.Decision?.NextAction?.Message ?? string.Join(" | ", result.Problems));
    }

    [Fact]
    public void Thousands_of_nested_brackets_in_a_template_are_rejected_before_parsing()
    {
        var template = "{{ " + new string('(', 1900) + "1" + new string(')', 1900) + " }}";

        AssertRefused(template, MessagePath, "The template nests brackets 1900 deep; the limit is 32");
    }

    private static readonly DateTimeOffset AsOf = new(2026, 6, 14, 20, 0, 0, TimeSpan.FromHours(-7));

    private static readonly JsonElement Customer =
        JsonSerializer.SerializeToElement(new { customerId = "c1", balance = 1234567.891m });

    private static Compilation.CompiledRuleSet Compile(string template) => Engine.Compile(RuleSetJson.Parse(
        MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template).ToJsonString()).RuleSet!);

    private static void AssertRefused(string template, string path, string reason)
    {
        var json = MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template);
        var problems = Engine.Validator.Validate(json.ToJsonString()).Problems;

        Assert.True(
            problems.Any(p => p.Path == path && p.Message.Contains(reason, StringComparison.Ordinal)),
            $"Expected a problem at {path} saying '{reason}', got: {string.Join(" | ", problems)}");
    }
}
