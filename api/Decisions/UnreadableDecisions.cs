using Decisions.Api.Storage;

namespace Decisions.Api.Decisions;

/// <summary>How a search answers when some matching decisions cannot be read from the log.</summary>
public static class UnreadableDecisions
{
    /// <summary>The header naming the decisions a search skipped; <c>GET /v1/audit/verify</c> says why.</summary>
    public const string Header = "Decisions-Skipped";

    public const string SearchDescription =
        "Newest first. A matching decision whose stored payload cannot be read (a damaged log) is skipped: the "
        + "response header `" + Header
        + "` lists the skipped decision ids, comma-separated, and is absent when none was. "
        + "It counts towards `limit`. `GET /v1/audit/verify` names the first such entry and why.";

    public static void Report(HttpResponse response, DecisionPage page)
    {
        if (page.Unreadable.Count > 0)
        {
            response.Headers[Header] = string.Join(',', page.Unreadable.Select(u => u.Id));
        }
    }
}
