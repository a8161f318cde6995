using System.Net;
using Decisions.Api.Storage.Journal;

namespace Decisions.Api.Tests;

/// <summary>
/// On LiteDB a decision is answered once its block is synced to the journal; LiteDB indexes it afterwards. These
/// tests leave the two apart as a crash would and check that nothing answered is lost and nothing foreign gets in.
/// </summary>
public sealed class JournalTests
{
    private const string Journal = "decisions.db.journal";

    [Fact]
    public async Task Decisions_the_index_never_got_are_indexed_from_the_journal_at_the_next_start()
    {
        if (DecisionsAppFixture.Store != "LiteDb")
        {
            return;
        }

        var host = new DecisionsAppFixture();
        await Decide(host, "early", 3);
        host = await host.Restart();
        var indexedOnly = Snapshot(host.DataDirectory);
        var late = await Decide(host, "late", 5);
        var journaled = CopyJournal(host);
        await host.StopAsync();
        using (var stopped = new DecisionJournal(Path.Combine(host.DataDirectory, Journal), 1))
        {
            Assert.Empty(stopped.Read(out _));
        }

        // The store as a crash after the journal's sync and before LiteDB's commit leaves it: LiteDB's files
        // without the late blocks, the journal with them.
        Restore(indexedOnly, host.DataDirectory);
        File.Copy(journaled, Path.Combine(host.DataDirectory, Journal), overwrite: true);
        await using var next = host.Reopened();
        var auditor = next.Client("auditor");
        foreach (var id in late)
        {
            var logged = await (await auditor.GetAsync($"/v1/decisions/{id}")).Json(HttpStatusCode.OK);
            Assert.Equal(id, logged.GetProperty("decisionId").GetString());
        }

        var report = await (await auditor.GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(8, report.GetProperty("decisions").GetInt64());
        await Decide(next, "after", 1);
    }

    [Fact]
    public async Task A_torn_record_at_the_journals_end_is_cut_and_the_next_appends_go_on_from_there()
    {
        if (DecisionsAppFixture.Store != "LiteDb")
        {
            return;
        }

        var host = new DecisionsAppFixture();
        var ids = await Decide(host, "torn", 4);
        var journaled = CopyJournal(host);
        await host.StopAsync();
        var journal = Path.Combine(host.DataDirectory, Journal);
        File.Copy(journaled, journal, overwrite: true);
        long end;
        using (var copy = new DecisionJournal(journaled, 1))
        {
            Assert.NotEmpty(copy.Read(out _));
            end = copy.Used;
        }

        await using (var file = new FileStream(journal, FileMode.Open))
        {
            // A length that promises more than was written: the power went during the append.
            file.Position = end;
            await file.WriteAsync(new byte[] { 0x00, 0x10, 0x00, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x01, 0x02 });
        }

        var next = host.Reopened();
        var auditor = next.Client("auditor");
        await (await auditor.GetAsync($"/v1/decisions/{ids[^1]}")).Json(HttpStatusCode.OK);
        var after = await Decide(next, "after", 1);
        await next.StopAsync();

        await using var again = host.Reopened();
        var report = await (await again.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(report.GetProperty("intact").GetBoolean(), report.ToString());
        Assert.Equal(5, report.GetProperty("decisions").GetInt64());
        await (await again.Client("auditor").GetAsync($"/v1/decisions/{after[0]}")).Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_journal_that_does_not_continue_the_stores_log_stops_the_start()
    {
        if (DecisionsAppFixture.Store != "LiteDb")
        {
            return;
        }

        var host = new DecisionsAppFixture();
        await Decide(host, "mine", 2);
        await host.StopAsync();
        var other = new DecisionsAppFixture();
        await Decide(other, "theirs", 6);
        var theirs = CopyJournal(other);
        await other.StopAsync();
        File.Copy(theirs, Path.Combine(host.DataDirectory, Journal), overwrite: true);

        await using var next = host.Reopened();
        var refused = Assert.ThrowsAny<Exception>(() => next.Client("auditor"));
        Assert.Contains("does not continue the store's log at decision 3", Flatten(refused), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_erasure_leaves_no_copy_of_the_customers_entries_in_the_journal()
    {
        if (DecisionsAppFixture.Store != "LiteDb")
        {
            return;
        }

        await using var host = new DecisionsAppFixture();
        await host.Decide("ERASE-ME-4711");
        await host.Decide("KEEP-ME-0815");
        var journal = Path.Combine(host.DataDirectory, Journal);
        Assert.True(Contains(File.ReadAllBytes(CopyJournal(host)), "ERASE-ME-4711"));

        await host.Erase("ERASE-ME-4711");

        Assert.False(Contains(File.ReadAllBytes(CopyJournal(host)), "ERASE-ME-4711"));
        Assert.Equal(DecisionsAppFixture.JournalBytes, new FileInfo(journal).Length);
        await host.Decide("AFTER-0001");
        Assert.True(Contains(File.ReadAllBytes(CopyJournal(host)), "AFTER-0001"));
    }

    [Fact]
    public void The_journal_reads_back_what_was_appended_and_cuts_a_corrupt_record_off()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("decisions-journal-").FullName, "j");
        using (var journal = new DecisionJournal(path, 4096))
        {
            journal.Append([1, 2, 3]);
            journal.Append([4, 5]);
            Assert.Equal(8 + 3 + 8 + 2, journal.Used);
        }

        Assert.Equal(4096, new FileInfo(path).Length);
        var bytes = File.ReadAllBytes(path);
        bytes[8 + 3 + 8] ^= 0xff;
        File.WriteAllBytes(path, bytes);
        using (var journal = new DecisionJournal(path, 4096))
        {
            var records = journal.Read(out var torn);
            Assert.Equal([1, 2, 3], Assert.Single(records));
            Assert.True(torn);
            journal.Append([6]);
        }

        using var reread = new DecisionJournal(path, 4096);
        Assert.Equal([[1, 2, 3], [6]], reread.Read(out var whole));
        Assert.False(whole);
        reread.Clear();
        Assert.Empty(reread.Read(out _));
        Assert.Contains(File.ReadAllBytes(path), b => b == 6);

        // An erasure wipes: no byte of an earlier record stays in the file.
        reread.Wipe();
        Assert.All(File.ReadAllBytes(path), b => Assert.Equal(0, b));
        Assert.Equal(4096, new FileInfo(path).Length);
    }

    private static async Task<List<string>> Decide(DecisionsAppFixture host, string prefix, int count)
    {
        var teller = host.Client("teller");
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var body = new { ruleSet = "retail-tiering",
                customer = new { customerId = $"{prefix}-{i}", avgDailyBalance = 1000 * i } };
            ids.Add((await (await teller.PostJson("/v1/decisions", body)).Json(HttpStatusCode.OK))
                .GetProperty("decisionId")
                .GetString()!);
        }

        return ids;
    }

    /// <summary>The journal as a crash would leave it: every block answered so far, synced.</summary>
    private static string CopyJournal(DecisionsAppFixture host)
    {
        var copy = Path.Combine(Directory.CreateTempSubdirectory("decisions-journal-").FullName, Journal);
        File.Copy(Path.Combine(host.DataDirectory, Journal), copy);
        return copy;
    }

    private static bool Contains(byte[] bytes, string text) =>
        bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;

    private static string Snapshot(string directory)
    {
        var copy = Directory.CreateTempSubdirectory("decisions-snapshot-").FullName;
        foreach (var file in Directory.GetFiles(directory, "decisions*.db"))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        return copy;
    }

    private static void Restore(string snapshot, string directory)
    {
        foreach (var file in Directory.GetFiles(directory, "decisions*.db"))
        {
            File.Delete(file);
        }

        foreach (var file in Directory.GetFiles(snapshot))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null
            ? exception.Message
            : exception.Message + " " + Flatten(exception.InnerException);
}
