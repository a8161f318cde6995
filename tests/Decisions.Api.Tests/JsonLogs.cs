using System.Collections.Concurrent;
using System.Text.Json;

namespace Decisions.Api.Tests;

/// <summary>What a log shipper reads from the service's console outside Development: one JSON event per line.</summary>
internal static class JsonLogs
{
    /// <summary>
    /// Waits for an event of <paramref name="traceId"/> among <paramref name="lines"/> and checks that it carries a
    /// UTC timestamp and its span id; every line before it must be JSON too.
    /// </summary>
    public static async Task InTrace(ConcurrentQueue<string> lines, string traceId)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            foreach (var line in lines.Where(l => l.Length > 0))
            {
                using var document = JsonDocument.Parse(line);
                var scope = document.RootElement.GetProperty("Scopes").EnumerateArray()
                    .FirstOrDefault(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out var t)
                        && t.GetString() == traceId);
                if (scope.ValueKind == JsonValueKind.Object)
                {
                    Assert.Matches("^[0-9a-f]{16}$", scope.GetProperty("SpanId").GetString());
                    var timestamp = document.RootElement.GetProperty("Timestamp").GetString()!;
                    Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$", timestamp);
                    return;
                }
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No JSON log event of trace {traceId} in: {string.Join('\n', lines)}");
    }
}
