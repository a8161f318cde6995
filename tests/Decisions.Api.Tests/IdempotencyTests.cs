using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// Once per request: a retry carrying the first request's Idempotency-Key gets the first answer, byte for byte,
/// and the log holds one decision; another body with the key is refused; the key lapses after the window.
/// </summary>
public sealed class IdempotencyTests(DecisionsAppFixture app) : IClassFixture<DecisionsAppFixture>
{
    [Fact]
    public async Task A_teller_retrying_ten_requests_cut_off_after_3_ms_gets_one_logged_decision_per_customer()
    {
        var requests = Enumerable.Range(0, 10)
            .Select(i => (Customer: $"TELLER-{i}", Key: Guid.NewGuid().ToString()))
            .ToList();
        using var hasty = app.Client("teller");
        hasty.Timeout = TimeSpan.FromMilliseconds(3);
        var answers = new System.Collections.Concurrent.ConcurrentBag<(string Customer, string Body)>();
        var cutOff = 0;
        async Task Attempt(HttpClient client, string customer, string key)
        {
            try
            {
                var response = await client.PostWithKey("/v1/decisions", IdempotentCalls.Retail(customer), key);
                answers.Add((customer, await response.Answer()));
            }
            catch (TaskCanceledException)
            {
                // The teller's client gave up; the service may or may not have decided.
                Interlocked.Increment(ref cutOff);
            }
        }

        await Task.WhenAll(requests.Select(r => Attempt(hasty, r.Customer, r.Key)));
        await Task.WhenAll(requests.Select(r => Attempt(hasty, r.Customer, r.Key)));
        await Task.WhenAll(requests.Select(r => Attempt(app.Client("teller"), r.Customer, r.Key)));

        Assert.True(cutOff > 0, "No request was cut off by the 3 ms timeout: the story was not tried.");
        foreach (var (customer, _) in requests)
        {
            var bodies = answers.Where(a => a.Customer == customer).Select(a => a.Body).Distinct().ToList();
            var body = Assert.Single(bodies);
            Assert.Equal([IdempotentCalls.DecisionId(body)], await app.Logged(customer));
        }
    }

    [Fact]
    public async Task Requests_with_one_key_at_once_in_one_process_are_decided_once()
    {
        var key = Guid.NewGuid().ToString();
        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
            await (await app.Decide("ONCE-CONCURRENT", key)).Answer()));

        Assert.Single(bodies.Distinct());
        Assert.Equal([IdempotentCalls.DecisionId(bodies[0])], await app.Logged("ONCE-CONCURRENT"));
    }

    [Fact]
    public async Task The_key_with_another_body_is_refused_with_422_and_nothing_more_is_logged()
    {
        var key = Guid.NewGuid().ToString();
        var first = await (await app.Decide("ONCE-BODY-A", key)).Answer();

        var refused = await (await app.Decide("ONCE-BODY-B", key)).Problem(HttpStatusCode.UnprocessableEntity);
        var otherBalance = await (await app.Decide("ONCE-BODY-A", key, 1)).Problem(HttpStatusCode.UnprocessableEntity);

        Assert.Equal("Idempotency-Key is already used", refused.GetProperty("title").GetString());
        Assert.Contains(key, refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("urn:problem-type:decisions:idempotency-key-reused", refused.GetProperty("type").GetString());
        Assert.Equal("Idempotency-Key is already used", otherBalance.GetProperty("title").GetString());
        Assert.Empty(await app.Logged("ONCE-BODY-B"));
        Assert.Equal([IdempotentCalls.DecisionId(first)], await app.Logged("ONCE-BODY-A"));
    }

    [Fact]
    public async Task Two_callers_using_the_same_key_each_get_their_own_decision()
    {
        var key = Guid.NewGuid().ToString();
        var teller = await (await app.Decide("ONCE-SCOPED", key)).Answer();
        var admin = await (await app.Decide("ONCE-SCOPED", key, who: "admin")).Answer();
        var quoted = await (await app.Decide("ONCE-SCOPED", $"\"{key}\"")).Answer();

        Assert.NotEqual(IdempotentCalls.DecisionId(teller), IdempotentCalls.DecisionId(admin));
        Assert.Equal(teller, quoted);
        Assert.Equal(2, (await app.Logged("ONCE-SCOPED")).Count);
    }

    [Theory]
    [InlineData("tab\tinside")]
    [InlineData("\"\"")]
    [InlineData("\"a\\b\"")]
    [InlineData("\"a\"b\"")]
    [InlineData("LONG")]
    public async Task A_key_that_is_not_1_to_255_printable_ascii_characters_is_refused_with_400(string key)
    {
        var sent = key == "LONG" ? new string('k', 256) : key;
        var refused = await (await app.Decide("ONCE-BAD-KEY", sent)).Problem(HttpStatusCode.BadRequest);

        Assert.Equal("Idempotency-Key is not valid", refused.GetProperty("title").GetString());
        Assert.Empty(await app.Logged("ONCE-BAD-KEY"));
        await (await app.Decide("ONCE-LONGEST-KEY", new string('k', 255))).Answer();
    }
}
