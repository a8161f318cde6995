using System.Net;

namespace Decisions.Api.Tests;

/// <summary>A batch spends one permit per customer of its key's bucket, and a key has few requests in flight.</summary>
public sealed class BatchPermitTests
{
    private static readonly object Decision = new { ruleSet = "retail-tiering",
        customer = new { customerId = "R-TELLER", avgDailyBalance = 10 } };

    [Fact]
    public async Task A_batch_of_n_spends_n_permits_and_one_refused_empties_the_bucket_while_another_key_decides()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string> {
            ["Limits:PermitsPerSecond"] = "1", ["Limits:Burst"] = "50" });
        var admin = app.Client("admin");

        var tooBig = await (await admin.PostJson("/v1/decisions/batch", Batch(60)))
            .Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("burst is 50", tooBig.GetProperty("errors")[0].GetProperty("message").GetString(),
            StringComparison.Ordinal);
        await (await admin.PostJson("/v1/decisions/batch", Batch(30))).Json(HttpStatusCode.OK);
        var refused = await admin.PostJson("/v1/decisions/batch", Batch(30));

        Assert.Equal(TimeSpan.FromSeconds(30), refused.Headers.RetryAfter?.Delta);
        Assert.Contains("spends 30 permits",
            (await refused.Problem(HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        await (await admin.PostJson("/v1/decisions", Decision)).Problem(HttpStatusCode.TooManyRequests);
        await (await app.Client("teller").PostJson("/v1/decisions", Decision)).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Requests_beyond_a_keys_in_flight_limit_get_429_while_another_key_decides()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string>
        {
            ["Limits:ConcurrentRequestsPerKey"] = "2",
            ["Limits:QueuedRequestsPerKey"] = "0",
            ["Limits:ConcurrentBatchesPerKey"] = "100",
        });
        var admin = app.Client("admin");

        var flood = Enumerable.Range(0, 12).Select(_ => admin.PostJson("/v1/decisions/batch", Batch(300))).ToList();
        var teller = await (await app.Client("teller").PostJson("/v1/decisions", Decision)).Json(HttpStatusCode.OK);
        var answers = await Task.WhenAll(flood);

        Assert.Equal("retail-tiering", teller.GetProperty("ruleSet").GetProperty("name").GetString());
        var refused = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(refused);
        var detail = (await refused[0].Problem(HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString();
        Assert.Contains("requests in flight", detail, StringComparison.Ordinal);
        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK);
    }

    private static object Batch(int size) => new
    {
        ruleSet = "retail-tiering",
        customers = Enumerable.Range(0, size)
            .Select(i => new { customerId = $"R-B{i}", avgDailyBalance = 1000 * i })
            .ToArray(),
    };
}
