using System.Net;
using Decisions.Api.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Decisions.Api.Tests;

/// <summary>The decision log's cursor means the same in every store, and a reader that is cancelled stops.</summary>
public sealed class DecisionLogPagingTests
{
    [Fact]
    public async Task Pages_follow_the_cursor_newest_first_without_repeats_or_gaps_and_stop_when_cancelled()
    {
        await using var app = new DecisionsAppFixture();
        var customers = Enumerable.Range(0, 25)
            .Select(i => new { customerId = $"R-C{i}", avgDailyBalance = i })
            .ToArray();
        await (await app.Client("teller")
            .PostJson("/v1/decisions/batch", new { ruleSet = "retail-tiering", customers })).Json(HttpStatusCode.OK);
        var log = app.Services.GetRequiredService<IDecisionLog>();
        var query = new DecisionQuery(RuleSet: "retail-tiering", Limit: 1_000);

        var pages = new List<DecisionPage>();
        await foreach (var page in log.PagesAsync(query, 10, CancellationToken.None))
        {
            pages.Add(page);
        }

        Assert.Equal([10, 10, 5], pages.Select(p => p.Decisions.Count));
        Assert.Equal(Enumerable.Range(1, 25).Reverse().Select(i => (long)i),
            pages.SelectMany(p => p.Decisions).Select(d => d.Sequence));
        Assert.Equal([16L, 6L, null], pages.Select(p => p.Next));

        using var cancel = new CancellationTokenSource();
        var read = 0;
        var stopped = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in log.PagesAsync(query, 10, cancel.Token))
            {
                read++;
                await cancel.CancelAsync();
            }
        });
        Assert.Equal(cancel.Token, stopped.CancellationToken);
        Assert.Equal(1, read);
    }
}
