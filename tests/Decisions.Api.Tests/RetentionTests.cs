using System.Net;

namespace Decisions.Api.Tests;

/// <summary>
/// With a retention period set, a background sweep erases the personal data of older decisions in bounded,
/// audited batches; newer decisions keep theirs and the log still verifies. The decision clock is the fake one.
/// </summary>
public sealed class RetentionTests
{
    [Fact]
    public async Task The_sweep_erases_decisions_older_than_the_period_in_audited_batches()
    {
        await using var app = DecisionsAppFixture.With(new Dictionary<string, string>
        {
            ["DecisionLog:Retention"] = "30.00:00:00",
            ["DecisionLog:SweepInterval"] = "00:00:00.100",
            ["DecisionLog:Batch"] = "2",
        });
        string[] old = [await app.Decide("RT-1"), await app.Decide("RT-2"), await app.Decide("RT-1")];
        app.Clock.Advance(TimeSpan.FromDays(29));
        var recent = await app.Decide("RT-1");
        await Task.Delay(300);
        Assert.Empty(await app.Trail("retention-swept"));

        app.Clock.Advance(TimeSpan.FromDays(2));
        var sweeps = await Eventually(() => app.Trail("retention-swept"), entries => entries.Count == 2);
        Assert.Equal(["2 decision(s)", "1 decision(s)"],
            sweeps.Select(e => e.GetProperty("comment").GetString()![..13]));
        Assert.All(sweeps, e => Assert.Equal("retention", e.GetProperty("actor").GetString()));

        foreach (var id in old)
        {
            Assert.True((await app.Read("auditor", $"/v1/decisions/{id}")).IsErased());
            await app.Refused("auditor", $"/v1/decisions/{id}/replay", new { }, HttpStatusCode.Gone);
        }

        Assert.False((await app.Read("auditor", $"/v1/decisions/{recent}")).IsErased());
        Assert.Equal(recent,
            Assert.Single((await app.Read("auditor", "/v1/decisions?customerId=RT-1")).Items().EnumerateArray())
                .GetProperty("decisionId")
                .GetString());
        Assert.Equal(4, (await app.Verify()).GetProperty("decisions").GetInt32());
        await Task.Delay(300);
        Assert.Equal(2, (await app.Trail("retention-swept")).Count);
    }

    private static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        for (var waited = 0; ; waited += 100)
        {
            var value = await read();
            if (done(value) || waited > 15_000)
            {
                return value;
            }

            await Task.Delay(100);
        }
    }
}
