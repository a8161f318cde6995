namespace Decisions.Engine.Tests;

/// <summary>
/// Rule expressions are code written by product teams: anything that reaches the host, the clock or
/// unbounded work is rejected when the rule set is validated, with the path of the rule.
/// </summary>
public sealed class HostileExpressionTests
{
    private const string NotAllowed = "is not allowed in rule expressions.";
    private const string HostClock = "with the host's clock and time zone";
    private const string OrdinalOnly =
        "Only StringComparison.Ordinal and StringComparison.OrdinalIgnoreCase are allowed";

    // Every expression here parses (it uses only types the parser knows), so only the allow-list stops it.
    [Theory]
    [InlineData("customer.GetType().Assembly.Location != null", "'Assembly.Location' " + NotAllowed)]
    [InlineData("customer.GetType().Name == \"x\"", "'MemberInfo.Name' " + NotAllowed)]
    [InlineData("\"\".GetType().FullName == \"System.IO.File\"", "'Type.FullName' " + NotAllowed)]
    [InlineData("Convert.ChangeType(customer.customerId, customer.GetType()) != null", "Values of type 'Object'")]
    [InlineData("Uri(\"file:///etc/passwd\").IsFile", "'Uri.IsFile' " + NotAllowed)]
    [InlineData("Uri(\"file:///etc/passwd\").LocalPath.Length > 0", "'Uri.LocalPath' " + NotAllowed)]
    [InlineData("customer.GetType().Assembly.FullName == \"x\"", "'Assembly.FullName' " + NotAllowed)]
    [InlineData("customer.GetType().Assembly.EntryPoint != null", "Values of type 'MethodInfo' are not allowed")]
    [InlineData("Math.Pow(10, 1000) > 1", "Calling 'Math.Pow' " + NotAllowed)]
    [InlineData("Enumerable.Range(0, 2000000000).Count() > 1", "Calling 'Enumerable.Range' " + NotAllowed)]
    [InlineData("Enumerable.Repeat(\"a\", 2000000000).Count() > 1", "Calling 'Enumerable.Repeat' " + NotAllowed)]
    [InlineData("customer.tags.SelectMany(a => customer.tags).Count() > 1",
        "Calling 'Enumerable.SelectMany' " + NotAllowed)]
    [InlineData("\"a\".PadLeft(1000000000).Length > 1", "Calling 'String.PadLeft' " + NotAllowed)]
    [InlineData("customer.customerId.Replace(\"a\", \"aaaa\").Length > 1", "Calling 'String.Replace' " + NotAllowed)]
    [InlineData("String.Join(\",\", customer.tags) == \"x\"", "Calling 'String.Join' " + NotAllowed)]
    [InlineData("DateTime.Now.Year > 2000", "'DateTime.Year' " + NotAllowed)]
    [InlineData("DateTime.UtcNow.Year > 2000", "'DateTime.Year' " + NotAllowed)]
    [InlineData("asOf > DateTimeOffset.Now", "'DateTimeOffset.Now' " + NotAllowed)]
    [InlineData("Guid.NewGuid() != Guid.Empty", "The operator 'op_Inequality' is not allowed.")]
    [InlineData("customer.customerId.ToLower() == \"x\"", "Calling 'String.ToLower' " + NotAllowed)]
    [InlineData("customer.customerId.StartsWith(\"x\")", "Calling 'String.StartsWith' " + NotAllowed)]
    [InlineData("customer.balance.ToString() == \"1\"", "Calling 'Object.ToString' " + NotAllowed)]
    [InlineData("(\"\" + customer.balance) == \"1000\"", "Values of type 'Object' are not allowed")]
    [InlineData("string('a', 1000000000).Length > 1", "Creating 'String' objects " + NotAllowed)]
    [InlineData("customer.tags.Any(a => customer.tags.Any(b => customer.tags.Any(c => a == b)))",
        "Lambdas nest more than 2")]
    [InlineData("asOf > \"10:00\"", "converted to a DateTimeOffset " + HostClock)]
    [InlineData("asOf == \"2026-01-01T00:00:00Z\"", "converted to a DateTimeOffset " + HostClock)]
    [InlineData("today > \"2026-01-01\"", "converted to a DateOnly " + HostClock)]
    [InlineData("customer.birthDate > \"2026-01-01\"", "converted to a DateOnly " + HostClock)]
    [InlineData("DateTime(2026, 1, 1).Year > 2000", "'DateTime.Year' " + NotAllowed)]
    [InlineData("asOf > DateTime(2026, 1, 1)", "The conversion 'op_Implicit' is not allowed.")]
    [InlineData("DateTime(2026, 1, 1) == DateTime(2026, 1, 1)", "The operator 'op_Equality' is not allowed.")]
    [InlineData("customer.customerId.Equals(\"x\", StringComparison.CurrentCultureIgnoreCase)", OrdinalOnly)]
    [InlineData("customer.customerId.StartsWith(\"x\", StringComparison.InvariantCulture)", OrdinalOnly)]
    [InlineData("customer.customerId.IndexOf(\"x\", StringComparison.CurrentCulture) > 0", OrdinalOnly)]
    [InlineData("customer.customerId.Contains(\"x\", StringComparison.InvariantCultureIgnoreCase)", OrdinalOnly)]
    [InlineData("String.Equals(customer.customerId, \"x\", StringComparison.CurrentCulture)", OrdinalOnly)]
    [InlineData("customer.customerId.Equals(\"x\", StringComparison(0))", OrdinalOnly)]
    [InlineData("customer.tags.Min() == \"a\"", "'Min' of texts orders them by the host's culture")]
    [InlineData("customer.tags.Max(t => t) == \"a\"", "'Max' of texts orders them by the host's culture")]
    [InlineData("customer.customerId > \"a\"", "Calling 'String.Compare' " + NotAllowed)]
    public void A_hostile_expression_is_rejected_by_the_allow_list_with_its_reason(string expression, string reason) =>
        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when", reason);

    [Theory]
    [InlineData("localtime")]
    [InlineData("Local")]
    [InlineData("posixrules")]
    [InlineData("China Standard Time")]
    [InlineData("posix/Asia/Shanghai")]
    [InlineData("US/Pacific")]
    [InlineData("PRC")]
    [InlineData("Asia/Nowhere")]
    public void A_time_zone_that_is_not_a_canonical_IANA_id_is_rejected(string zone) =>
        ValidationTests.AssertProblem(
            MinimalRuleSet.With(j => j["timeZone"] = zone), "timeZone", $"'{zone}' is not an IANA time zone id");

    [Theory]
    [InlineData("UTC")]
    [InlineData("Etc/GMT-8")]
    [InlineData("Europe/Berlin")]
    [InlineData("America/Argentina/Buenos_Aires")]
    public void A_canonical_IANA_time_zone_is_accepted(string zone)
    {
        var report = Engine.Validator.Validate(MinimalRuleSet.With(j => j["timeZone"] = zone).ToJsonString());

        Assert.True(report.IsValid, string.Join("; ", report.Problems));
    }

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

        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression), "tiers.rules[0].when",
            "nests brackets 40 deep");
    }

    [Fact]
    public void An_overly_long_expression_is_rejected()
    {
        var expression = string.Join(" || ", Enumerable.Repeat("customer.balance > 1", 200));

        ValidationTests.AssertProblem(MinimalRuleSet.WithTierCondition(expression),
            "tiers.rules[0].when", "characters long");
    }

    [Theory]
    [InlineData("customer.tags.Any(t => t.StartsWith('v')) && customer.balance >= params.goldBalance")]
    [InlineData("customer.tags.Contains(\"vip\") || customer.customerId.Contains(\"X\")")]
    [InlineData("Days.Since(customer.birthDate, today) > 365 * 18 && Math.Round(customer.balance, 2) >= 1000")]
    [InlineData("customer.birthDate == null || customer.birthDate.Value.Year < 2000")]
    [InlineData("customer.customerId.ToUpperInvariant().StartsWith(\"C\", StringComparison.Ordinal)")]
    [InlineData("(customer.balance > 1 ? customer.balance : 0) >= params.goldBalance")]
    [InlineData("DateOnly(2026, 1, 1) < today && customer.birthDate < today.AddYears(-18)")]
    [InlineData("customer.customerId.Equals(\"c\", StringComparison.OrdinalIgnoreCase) || customer.birthDate == null")]
    [InlineData("customer.tags.Select(t => t.Length).Max() > 1 && customer.customerId[0] == 'c'")]
    public void Legitimate_rules_are_accepted(string expression)
    {
        var json = MinimalRuleSet.WithTierCondition(expression);
        json["tests"] = new System.Text.Json.Nodes.JsonArray();

        var result = Engine.Compiler.Compile(Serialization.RuleSetJson.Parse(json.ToJsonString()).RuleSet!);

        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }
}
