namespace Decisions.Engine.Tests;

/// <summary>
/// Rule expressions are code written by product teams: anything that reaches the host, the clock or
/// unbounded work is rejected when the rule set is validated, with the path of the rule.
/// </summary>
public sealed class HostileExpressionTests
{
    [Theory]
    [InlineData("customer.GetType().Assembly.Location != null")]
    [InlineData("customer.GetType().Name == \"x\"")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("Activator.CreateInstance(\"System\", \"System.Object\") != null")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("System.IO.File.ReadAllText(\"/etc/passwd\").Length > 0")]
    [InlineData("Environment.GetEnvironmentVariable(\"HOME\") != null")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\") != null")]
    [InlineData("System.Threading.Thread.Sleep(100000) == null")]
    [InlineData("Enumerable.Range(0, 2000000000).Count() > 1")]
    [InlineData("Enumerable.Repeat(\"a\", 2000000000).Count() > 1")]
    [InlineData("customer.tags.SelectMany(a => customer.tags).Count() > 1")]
    [InlineData("\"a\".PadLeft(1000000000).Length > 1")]
    [InlineData("customer.customerId.Replace(\"a\", \"aaaa\").Length > 1")]
    [InlineData("DateTime.Now.Year > 2000")]
    [InlineData("DateTime.UtcNow.Year > 2000")]
    [InlineData("Guid.NewGuid() != Guid.Empty")]
    [InlineData("customer.customerId.ToLower() == \"x\"")]
    [InlineData("customer.customerId.StartsWith(\"x\")")]
    [InlineData("customer.balance.ToString() == \"1\"")]
    [InlineData("new string('a', 1000000000).Length > 1")]
    [InlineData("customer.tags.Any(a => customer.tags.Any(b => customer.tags.Any(c => a == b)))")]
    public void A_hostile_expression_is_rejected_at_validation(string expression) =>
        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when");

    [Fact]
    public void Two_thousand_nested_brackets_are_rejected_before_parsing_instead_of_overflowing_the_stack()
    {
        var expression = new string('(', 2000) + "true" + new string(')', 2000);

        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when");
    }

    [Fact]
    public void Deep_nesting_within_the_length_limit_is_rejected_too()
    {
        var expression = new string('(', 40) + "true" + new string(')', 40);

        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when", "nests brackets 40 deep");
    }

    [Fact]
    public void An_overly_long_expression_is_rejected()
    {
        var expression = string.Join(" || ", Enumerable.Repeat("customer.balance > 1", 200));

        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when", "characters long");
    }

    [Theory]
    [InlineData("customer.tags.Any(t => t.StartsWith('v')) && customer.balance >= params.goldBalance")]
    [InlineData("customer.tags.Contains(\"vip\") || customer.customerId.Contains(\"X\")")]
    [InlineData("Days.Since(customer.birthDate, today) > 365 * 18 && Math.Round(customer.balance, 2) >= 1000")]
    [InlineData("customer.birthDate == null || customer.birthDate.Value.Year < 2000")]
    [InlineData("customer.customerId.ToUpperInvariant().StartsWith(\"C\", StringComparison.Ordinal)")]
    [InlineData("(customer.balance > 1 ? customer.balance : 0) >= params.goldBalance")]
    public void Legitimate_rules_are_accepted(string expression)
    {
        var json = MinimalRuleSet.WithTierCondition(expression);
        json["tests"] = new System.Text.Json.Nodes.JsonArray();

        var result = Engine.Compiler.Compile(Serialization.RuleSetJson.Parse(json.ToJsonString()).RuleSet!);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }
}
