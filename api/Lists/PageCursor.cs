using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Decisions.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Decisions.Api.Lists;

/// <summary>
/// The continuation cursors of the lists and their limits. A cursor names the last item a page held (a sequence
/// number or a name), never an offset, so entries appended meanwhile neither repeat nor skip an item on the next
/// page. It is base64url text, opaque to clients, and says which list it belongs to, so that a cursor of another
/// list is refused instead of read as a position.
/// </summary>
public static class PageCursor
{
    public const int DefaultLimit = 100;

    public const int MaxLimit = 1_000;

    public const string LimitDescription = "At most this many items (1 to 1,000; 100 if not given).";

    public const string CursorDescription = "The `next` of the previous page, to read the page after it.";

    /// <summary>The cursor after <paramref name="position"/> in the list named <paramref name="list"/>.</summary>
    public static string Of(string list, string position) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(list + ":" + position));

    public static string Of(string list, long position) => Of(list, position.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// A 400 problem for a limit out of range or a cursor no page of the list named <paramref name="list"/> gave
    /// out; otherwise null, with the position the cursor holds (null without a cursor).
    /// </summary>
    public static ProblemHttpResult? Refuse(string list, int limit, string? cursor, out string? position)
    {
        position = null;
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.Of(ProblemTypes.InvalidParameter, "'limit' must be between 1 and 1,000.");
        }

        if (cursor is null)
        {
            return null;
        }

        var bytes = new byte[Base64Url.GetMaxDecodedLength(cursor.Length)];
        var prefix = list + ":";
        var decoded = Base64Url.DecodeFromChars(cursor, bytes, out _, out var written) == OperationStatus.Done;
        var text = decoded ? Encoding.UTF8.GetString(bytes, 0, written) : "";
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Refused();
        }

        position = text[prefix.Length..];
        return null;
    }

    /// <summary>
    /// <see cref="Refuse(string, int, string?, out string?)"/> for a list whose cursors hold sequence numbers.
    /// </summary>
    public static ProblemHttpResult? Refuse(string list, int limit, string? cursor, out long? sequence)
    {
        sequence = null;
        if (Refuse(list, limit, cursor, out string? position) is { } refused)
        {
            return refused;
        }

        if (position is null)
        {
            return null;
        }

        var parsed = long.TryParse(position, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        sequence = parsed ? number : null;
        return parsed ? null : Refused();
    }

    /// <summary>
    /// The page of <paramref name="limit"/> items from <paramref name="rest"/> (the items after the cursor, in list
    /// order), with the cursor of the page after it when more follow.
    /// </summary>
    public static ListPage<T> Page<T>(string list, IEnumerable<T> rest, int limit, Func<T, string> position)
    {
        var items = rest.Take(limit + 1).ToList();
        var more = items.Count > limit;
        items = items[..Math.Min(limit, items.Count)];
        return new ListPage<T>(items, limit, more ? Of(list, position(items[^1])) : null);
    }

    private static ProblemHttpResult Refused() =>
        Problems.Of(ProblemTypes.InvalidParameter, "'cursor' is not the 'next' of a page of this list.");
}
