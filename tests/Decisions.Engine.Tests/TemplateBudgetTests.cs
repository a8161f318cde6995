using System.Text.Json;
using System.Text.Json.Nodes;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Engine.Tests;

/// <summary>
/// A render's CPU is bounded, not only its output: operators and built-ins whose cost is not bounded by their
/// operands are refused at validation, even in a branch the embedded tests never take, and every node a
/// render evaluates and every text it builds is charged to the decision's budget.
/// </summary>
public sealed class TemplateBudgetTests
{
    // The embedded tests never say "boom": only the check of the template's shape can refuse it.
    private const string Boom =
        "{{ if customer.customerId == \"boom\" }}{{ for x in customer.tags }}"
        + "{{ (1 << 1048576) | string.size }}{{ end }}{{ end }}";

    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Boom, "bit shifts")]
    [InlineData("{{ if customer.customerId == \"boom\" }}{{ 1 << customer.balance }}{{ end }}", "bit shifts")]
    [InlineData("{{ html.strip (\"<a=x\" * 999) }}", "html.strip")]
    [InlineData("{{ \"<a=x\" | html.strip }}", "html.strip")]
    [InlineData("{{ \"<a=x\" * 999 }}", "product without a number literal")]
    [InlineData("{{ customer.customerId * customer.balance }}", "product without a number literal")]
    public void A_template_whose_cost_its_operands_do_not_bound_is_refused_at_validation(string template, string reason)
    {
        ValidationTests.AssertProblem(WithMessage(template), "nextActions.rules[0].message", reason);
    }

    [Fact]
    public void A_text_longer_than_a_message_stops_the_render_before_it_grows_further()
    {
        var compiled = Compile("{{ (customer.customerId + customer.customerId) | string.size }}");

        var result = compiled.Evaluate(Customer(new string('a', 4_000)), AsOf);

        AssertStopped(result, "a message holds at most 4000");
    }

    [Fact]
    public void A_render_that_spends_the_decisions_budget_is_stopped_with_that_reason()
    {
        var compiled = Compile("{{ for x in customer.tags }}{{ x | string.upcase | string.size }}{{ end }}");

        var result = compiled.Evaluate(Customer("c", [.. Enumerable.Repeat(new string('a', 4_000), 100)]), AsOf);

        AssertStopped(result, "evaluation budget");
    }

    [Fact]
    public void A_cancelled_request_stops_the_render()
    {
        var compiled = Compile("{{ for x in customer.tags }}{{ x | string.upcase | string.size }}{{ end }}");

        var customer = Customer("c", [.. Enumerable.Repeat(new string('a', 4_000), 3)]);

        var result = compiled.Evaluate(customer, AsOf, new CancellationToken(canceled: true));

        AssertStopped(result, "cancelled");
    }

    [Fact]
    public void A_normal_decision_after_a_stopped_render_is_answered_with_its_message()
    {
        var compiled = Compile("{{ for x in customer.tags }}{{ x | string.upcase | string.size }}{{ end }}");
        var stopped = compiled.Evaluate(Customer("c", [.. Enumerable.Repeat(new string('a', 4_000), 100)]), AsOf);

        var normal = compiled.Evaluate(Customer("c", ["ab", "abc"]), AsOf);

        AssertStopped(stopped, "evaluation budget");
        Assert.Equal("23", normal.Decision!.NextAction!.Message);
    }

    private static JsonObject WithMessage(string template) => MinimalRuleSet.With(j =>
    {
        j["input"]!["tags"]!["maxItems"] = 100;
        j["nextActions"]!["rules"]![0]!["message"] = template;
    });

    private static Compilation.CompiledRuleSet Compile(string template) =>
        Engine.Compile(RuleSetJson.Parse(WithMessage(template).ToJsonString()).RuleSet!);

    private static JsonElement Customer(string id, string[]? tags = null) =>
        JsonSerializer.SerializeToElement(new { customerId = id, balance = 5000, tags = tags ?? [] });

    private static void AssertStopped(DecisionResult result, string reason)
    {
        Assert.Equal(DecisionFailure.RuleError, result.Failure);
        var message = Assert.Single(result.Problems, p => p.Path == "nextActions.CALL").Message;
        Assert.True(message.Contains(reason, StringComparison.Ordinal), message);
    }
}
