using System.Text.Json;
using Decisions.Engine.Explanation;

namespace Decisions.Engine.Tests;

/// <summary>
/// With format 2 an explanation shows an absent input as missing (null), never as the zero the parser's plain types
/// would read, and a comparison with it as not holding, as the decision itself took it.
/// </summary>
public sealed class FormatTwoExplanationTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Why_not_NEGATIVE_shows_the_transactions_that_were_not_sent_as_missing()
    {
        var ruleSet = Engine.Compile(RuleSetFiles.Load("retail-tiering/v2.json"));
        var customer = JsonDocument.Parse("""{ "customerId": "new-1", "avgDailyBalance": 0 }""").RootElement;

        var decision = ruleSet.Evaluate(customer, AsOf, ExplainLevel.Full, CancellationToken.None).Decision!;

        Assert.Equal("MASS", decision.Tier.Code);
        var negative = Assert.Single(decision.WhyNot!, reason => reason.Rule == "NEGATIVE");
        var atoms = Atoms(negative.Condition).ToList();
        var transactions = Assert.Single(atoms, a => a.Operands![0].Name == "customer.monthlyTransactions");
        Assert.False(transactions.Holds);
        Assert.Null(transactions.Operands![0].Value);
        Assert.Equal("customer.monthlyTransactions = null < params.negativeMonthlyTransactions = 1", transactions.Text);
        var products = Assert.Single(atoms, a => a.Operands![0].Name == "customer.productsHeld.Length");
        Assert.Null(products.Operands![0].Value);

        // Why-not names what failed; the balance of 0 was below the line, so it is not among them.
        Assert.DoesNotContain(atoms, a => a.Operands![0].Name == "customer.avgDailyBalance");
    }

    private static IEnumerable<Condition> Atoms(Condition condition) =>
        condition.Parts is { } parts ? parts.SelectMany(Atoms) : [condition];
}
