using System.Collections.Concurrent;
using System.Diagnostics;
using Decisions.Api.Observability;

namespace Decisions.Api.Tests;

/// <summary>
/// Records every span of the service's source and of ASP.NET Core's server spans, in this process, while it lives.
/// A span is recorded when it stops, which may be just after the client has its answer: <see cref="Find"/> waits.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    public SpanRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is DecisionTracing.SourceName or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task<Activity> Find(Func<Activity, bool> match)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (_stopped.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException("No such span was recorded within 10 s.");
    }

    public void Dispose() => _listener.Dispose();
}
