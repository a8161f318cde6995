namespace Decisions.Engine.Tests;

/// <summary>
/// Message templates are code too. Anything that reaches the host, the clock or unbounded work is rejected
/// when the rule set is validated: by the template checks, or, for what only shows when a template runs,
/// by the embedded tests that render it under the loop, output and recursion limits.
/// </summary>
public sealed class HostileTemplateTests
{
    [Theory]
    [InlineData("{{ for a in customer.tags }}{{ for b in customer.tags }}x{{ end }}{{ end }}", "nested loops")]
    [InlineData("{{ include \"/etc/passwd\" }}", null)]
    [InlineData("{{ object.eval \"1 + 1\" }}", null)]
    [InlineData("{{ object.eval_template \"{{ date.now }}\" }}", null)]
    [InlineData("{{ date.now }}", "date.now")]
    [InlineData("{{ math.random 1 10 }}", null)]
    [InlineData("{{ math.uuid }}", "math.uuid")]
    [InlineData("{{ string.pad_left \"x\" 1000000000 }}", null)]
    [InlineData("{{ \"x\" | string.replace \"x\" \"xxxxxxxxxx\" }}", null)]
    [InlineData("{{ regex.replace \"a\" \"a\" \"b\" }}", null)]
    [InlineData("{{ customer.GetType }}", null)]
    [InlineData("{{ customer.get_type }}", null)]
    [InlineData("{{ import customer }}", "import")]
    [InlineData("{{ with customer }}{{ end }}", "import")]
    [InlineData("{{ x = 1 }}", "assigning")]
    [InlineData("{{ capture x }}y{{ end }}", "capture")]
    [InlineData("{{ for i in 1..1000000000 }}x{{ end }}", "ranges")]
    [InlineData("{{ 1..1000000000 | array.size }}", "ranges")]
    [InlineData("{{ while true }}x{{ end }}", "while")]
    [InlineData("{{ func f; ret f; end; f }}", "functions")]
    [InlineData("{{ \"x\" * 1000000000 }}", null)]
    [InlineData("{{ 10 ** 100000000 }}", null)]
    [InlineData("{{ 1 << 1000000000 }}", null)]
    [InlineData("{{ tablerow c in customer.tags }}{{ c }}{{ end }}", "tablerow")]
    public void A_hostile_template_is_rejected_at_validation(string template, string? reason)
    {
        var problems = Engine.Validator.Validate(MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template).ToJsonString()).Problems;

        Assert.Contains(problems, p => (p.Path == "nextActions.rules[0].message" || p.Path == "tests[0]") && (reason is null || p.Message.Contains(reason, StringComparison.Ordinal)));
    }

    [Fact]
    public void Thousands_of_nested_brackets_in_a_template_are_rejected_before_parsing()
    {
        var template = "{{ " + new string('(', 1900) + "1" + new string(')', 1900) + " }}";

        ValidationTests.AssertProblem(MinimalRuleSet.With(j => j["nextActions"]!["rules"]![0]!["message"] = template), "nextActions.rules[0].message", "nests brackets");
    }
}
