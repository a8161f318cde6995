using System.Runtime.CompilerServices;

namespace Decisions.Api.Storage;

public static class DecisionLogPaging
{
    /// <summary>
    /// The matches of <paramref name="query"/> (up to its limit, newest first) page by page, following each page's
    /// cursor: a caller holds one page at a time, however long the range, and stops reading when it is cancelled.
    /// </summary>
    public static async IAsyncEnumerable<DecisionPage> PagesAsync(
        this IDecisionLog log, DecisionQuery query, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = query.Limit;
        var before = query.Before;
        while (remaining > 0)
        {
            var page = await log.SearchAsync(
                query with { Limit = Math.Min(pageSize, remaining), Before = before }, cancellationToken)
                .ConfigureAwait(false);
            yield return page;
            remaining -= page.Decisions.Count + page.Unreadable.Count + page.Erased.Count + page.Unread.Count;
            if (page.Next is not { } next)
            {
                yield break;
            }

            before = next;
        }
    }
}
