using System.Threading.Channels;
using Decisions.Api.Storage;

namespace Decisions.Api.Analysis;

/// <summary>
/// Re-decides logged decisions as a stream, for replay of a range and for impact alike: one task reads the log
/// page after page (newest first) and picks the decisions to re-decide by what the search knows without their
/// payloads, while one worker per core decodes them (decompression and UTF-8, the larger part of reading) and
/// re-decides them in chunks, each into a tally of its own. At most a few chunks wait between reader and workers,
/// so memory stays the same however long the range; the tallies are merged by the caller once the log is read.
/// </summary>
public static class ReDecisions
{
    private const int Chunk = 256;

    /// <param name="pages">The log's pages, newest first, searched without checking payloads.</param>
    /// <param name="pick">Whether a decision is re-decided (called in log order, on the reading task).</param>
    /// <param name="newTally">A worker's tally.</param>
    /// <param name="reDecide">
    /// Re-decides one picked decision into a worker's tally; its payload is valid until the call completes.
    /// </param>
    /// <param name="unreadable">Counts a decision whose payload cannot be read into a worker's tally.</param>
    /// <param name="progress">Advanced as each chunk is re-decided.</param>
    /// <param name="picks">Reading stops once this many decisions are picked.</param>
    /// <param name="cancellationToken">Stops reading and re-deciding.</param>
    public static async Task<IReadOnlyList<TTally>> ReDecideAsync<TTally>(
        IAsyncEnumerable<DecisionPage> pages, Func<UnreadDecision, bool> pick, Func<TTally> newTally,
        Func<TTally, DecodedDecision, CancellationToken, ValueTask> reDecide,
        Action<TTally, UnreadableDecision> unreadable,
        AnalysisProgress progress, long picks, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Environment.ProcessorCount;
        var chunks = Channel.CreateBounded<Work>(new BoundedChannelOptions(2 * workers) { SingleWriter = true });
        var reading = ReadAsync(pages, pick, picks, chunks.Writer, stop.Token);
        var tallies = Enumerable.Range(0, workers).Select(_ => newTally()).ToArray();
        var working = tallies.Select(tally => Task.Run(async () =>
        {
            var buffer = new PayloadBuffer();
            await foreach (var work in chunks.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                foreach (var decision in work.Unreadable)
                {
                    unreadable(tally, decision);
                }

                foreach (var picked in work.Picked)
                {
                    stop.Token.ThrowIfCancellationRequested();
                    if (Decoded(picked, buffer, out var damage) is { } decoded)
                    {
                        await reDecide(tally, decoded, stop.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        unreadable(tally, damage!);
                    }
                }

                progress.Advance(work.Read, work.Erased, work.Newest, work.Oldest);
            }
        }, stop.Token)).Append(reading).ToList();

        try
        {
            // The first failure stops the others; a cancelled or failed run answers no tallies.
            while (working.Count > 0)
            {
                var done = await Task.WhenAny(working).ConfigureAwait(false);
                working.Remove(done);
                await done.ConfigureAwait(false);
            }
        }
        catch
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(working).ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        progress.Complete();
        return tallies;
    }

    private static DecodedDecision? Decoded(UnreadDecision picked, PayloadBuffer buffer, out UnreadableDecision? damage)
    {
        try
        {
            damage = null;
            return picked.Decode(buffer);
        }
        catch (Exception exception) when (DecisionPage.IsDamaged(exception))
        {
            damage = new UnreadableDecision(picked.Id, picked.Sequence, exception.Message);
            return null;
        }
    }

    private static async Task ReadAsync(
        IAsyncEnumerable<DecisionPage> pages, Func<UnreadDecision, bool> pick, long picks, ChannelWriter<Work> chunks,
        CancellationToken cancellationToken)
    {
        try
        {
            var picked = 0L;
            await foreach (var page in pages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var work = new Work(page.Unreadable);
                foreach (var record in page.Erased)
                {
                    work.Met(record.Sequence, erased: true);
                }

                // A store gives decoded decisions only to a search that checks payloads; they are taken as they are.
                foreach (var record in page.Decisions.Select(Unread).Concat(page.Unread))
                {
                    work.Met(record.Sequence);
                    if (pick(record))
                    {
                        work.Picked.Add(record);
                        picked++;
                    }

                    if (work.Picked.Count == Chunk || picked == picks)
                    {
                        await chunks.WriteAsync(work, cancellationToken).ConfigureAwait(false);
                        work = new Work([]);
                    }

                    if (picked == picks)
                    {
                        return;
                    }
                }

                await chunks.WriteAsync(work, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            chunks.TryComplete();
        }
    }

    private static UnreadDecision Unread(DecisionRecord record) =>
        new(record.Id, record.Sequence, record.CustomerId, _ => DecodedDecision.Of(record));

    /// <summary>Decisions to re-decide, the unreadable ones met, and how many decisions were read for them.</summary>
    private sealed class Work(IReadOnlyList<UnreadableDecision> unreadable)
    {
        public List<UnreadDecision> Picked { get; } = [];

        public IReadOnlyList<UnreadableDecision> Unreadable => unreadable;

        public int Read { get; private set; } = unreadable.Count;

        public int Erased { get; private set; }

        public long Newest { get; private set; } = long.MinValue;

        public long Oldest { get; private set; } = long.MaxValue;

        public void Met(long sequence, bool erased = false)
        {
            Read++;
            Erased += erased ? 1 : 0;
            (Newest, Oldest) = (Math.Max(Newest, sequence), Math.Min(Oldest, sequence));
        }
    }
}
