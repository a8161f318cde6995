using Decisions.Api.Storage;
using LiteDB;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Tests;

/// <summary>
/// Time-range searches on the LiteDB blocks go through their time index, and page exactly although decision times do
/// not grow with the sequence: shuffled within every block, and a clock set back into an old hour. Blocks written
/// before the index have no time fields and are still searched exactly.
/// </summary>
public sealed class BlockTimeIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_old_range_pages_exactly_and_its_first_decision_is_found_past_a_clock_set_back()
    {
        var directory = Directory.CreateTempSubdirectory("decisions-time-index-").FullName;
        var log = new List<DecisionRecord>();
        await using var store = Open(directory);
        foreach (var hour in Enumerable.Range(0, 60).Append(10).Concat(Enumerable.Range(60, 20)))
        {
            await LogHour(store, hour, log);
        }

        Assert.True(log.Count >= 8_000);
        foreach (var (from, to) in new[] { (10, 12), (50, 51), (0, 1), (79, 80), (30, 79) })
        {
            Assert.Equal(Expected(log, from, to), await Searched(store, from, to));
        }

        Assert.Empty(await Searched(store, 80, 90));
        // A binary search over the sequence, taking times to grow with it, lands past hours 50-59 here.
        Assert.Equal(FirstAt(log, 50), await store.FirstSequenceAsync(Start.AddHours(50), default));
        Assert.Equal(FirstAt(log, 10), await store.FirstSequenceAsync(Start.AddHours(10), default));
        Assert.Null(await store.FirstSequenceAsync(Start.AddHours(80), default));
    }

    [Fact]
    public async Task Blocks_written_before_the_time_index_stay_searchable_and_the_next_blocks_are_indexed_over_them()
    {
        var directory = Directory.CreateTempSubdirectory("decisions-time-index-").FullName;
        var log = new List<DecisionRecord>();
        await using (var before = Open(directory))
        {
            foreach (var hour in Enumerable.Range(0, 30))
            {
                await LogHour(before, hour, log);
            }
        }

        StripTimes(directory);
        await using var store = Open(directory);
        Assert.Equal(Expected(log, 10, 12), await Searched(store, 10, 12));
        foreach (var hour in Enumerable.Range(30, 10).Append(5).Append(40))
        {
            await LogHour(store, hour, log);
        }

        foreach (var (from, to) in new[] { (10, 12), (5, 6), (29, 31), (31, 33), (40, 41), (0, 41) })
        {
            Assert.Equal(Expected(log, from, to), await Searched(store, from, to));
        }

        Assert.Equal(FirstAt(log, 31), await store.FirstSequenceAsync(Start.AddHours(31), default));
    }

    private static LiteDbStore Open(string directory) =>
        new(Options.Create(new LiteDbOptions { Path = Path.Combine(directory, "decisions.db") }),
            new HostingEnvironment { ContentRootPath = directory }, TimeProvider.System,
            NullLogger<LiteDbStore>.Instance);

    /// <summary>A hundred decisions of one hour, their times shuffled, logged at once: a block or two.</summary>
    private static async Task LogHour(LiteDbStore store, int hour, List<DecisionRecord> log)
    {
        var decisions = Enumerable.Range(0, 100).Select(i => new DecisionRecord
        {
            Id = $"h{hour}-{log.Count + i}", DecidedAt = Start.AddHours(hour)
                .AddSeconds(i * 37 % 100 * 36), RuleSet = "r",
            Version = 1, RuleSetHash = "h", CustomerId = $"c{i}", AsOf = Start.AddYears(-i),
            Input = "{}", Output = "{}",
        });
        log.AddRange(await Task.WhenAll(decisions.Select(d => store.AppendAsync(d, CancellationToken.None))));
    }

    private static List<string> Expected(List<DecisionRecord> log, int from, int to) =>
        [.. log.Where(d => d.DecidedAt >= Start.AddHours(from) && d.DecidedAt < Start.AddHours(to))
            .OrderByDescending(d => d.Sequence).Select(d => d.Id)];

    private static long FirstAt(List<DecisionRecord> log, int hour) =>
        log.Where(d => d.DecidedAt >= Start.AddHours(hour)).Min(d => d.Sequence);

    private static async Task<List<string>> Searched(LiteDbStore store, int from, int to)
    {
        var query = new DecisionQuery(From: Start.AddHours(from), To: Start.AddHours(to), Limit: int.MaxValue);
        var found = new List<string>();
        await foreach (var page in store.PagesAsync(query, 37, CancellationToken.None))
        {
            Assert.Empty(page.Unreadable);
            found.AddRange(page.Decisions.Select(d => d.Id));
        }

        return found;
    }

    // As a file written before the time index holds them: blocks without times, and no ceiling index.
    private static void StripTimes(string directory)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(
            directory, "decisions.db") });
        var blocks = database.GetCollection("blocks");
        Assert.True(blocks.DropIndex("ceilings"));
        foreach (var block in blocks.FindAll().ToList())
        {
            Assert.True(block.Remove("minTicks") && block.Remove("maxTicks") && block.Remove("ceiling")
                && block.Remove("reach"));
            Assert.True(blocks.Update(block));
        }
    }
}
