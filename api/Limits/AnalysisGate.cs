using Decisions.Api.Auth;
using Microsoft.Extensions.Options;

namespace Decisions.Api.Limits;

/// <summary>
/// Counts the analysis runs going on, per API key and in all (<see cref="AnalysisLimitOptions"/>); a run that would
/// exceed either count is refused at once rather than queued, since it may last minutes.
/// </summary>
public sealed class AnalysisGate(IOptions<AnalysisLimitOptions> options)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perKey = new(StringComparer.Ordinal);
    private int _total;

    /// <summary>A lease to dispose when the run ends, or null when the limits are reached.</summary>
    public IDisposable? TryEnter(string key)
    {
        lock (_lock)
        {
            var mine = _perKey.GetValueOrDefault(key);
            if (_total >= options.Value.RunsInAll || mine >= options.Value.RunsPerKey)
            {
                return null;
            }

            _perKey[key] = mine + 1;
            _total++;
            return new Lease(this, key);
        }
    }

    private void Leave(string key)
    {
        lock (_lock)
        {
            _total--;
            if (--_perKey[key] == 0)
            {
                _perKey.Remove(key);
            }
        }
    }

    private sealed class Lease(AnalysisGate gate, string key) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                gate.Leave(key);
            }
        }
    }
}

/// <summary>Runs the endpoint inside an <see cref="AnalysisGate"/> lease, or answers 429 with Retry-After.</summary>
internal sealed class AnalysisGateFilter(AnalysisGate gate, IOptions<AnalysisLimitOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var lease = gate.TryEnter(context.HttpContext.User.Actor());
        if (lease is null)
        {
            return new TooManyRequests(
                LimitKind.AnalysisRuns,
                options.Value.RetryAfterSeconds,
                $"At most {options.Value.RunsPerKey} analysis run(s) per key "
                + $"and {options.Value.RunsInAll} in all may run at once.");
        }

        var held = new AnalysisLease(lease);
        context.HttpContext.Features.Set(held);
        try
        {
            return await next(context);
        }
        finally
        {
            held.Release();
        }
    }
}

/// <summary>
/// The gate's lease of the request's run: released when the request ends, unless a run that goes on after the
/// request takes it (<see cref="Take"/>) and releases it when it ends.
/// </summary>
public sealed class AnalysisLease(IDisposable lease)
{
    private IDisposable? _held = lease;

    /// <summary>
    /// The lease of the request, which runs within <see cref="AnalysisGateExtensions.WithinAnalysisLimits"/>.
    /// </summary>
    public static AnalysisLease Of(HttpContext context) => context.Features.Get<AnalysisLease>()
        ?? throw new InvalidOperationException("The endpoint does not run within the analysis limits.");

    public IDisposable Take() =>
        Interlocked.Exchange(ref _held, null) ?? throw new InvalidOperationException("The lease was taken.");

    internal void Release() => Interlocked.Exchange(ref _held, null)?.Dispose();
}

public static class AnalysisGateExtensions
{
    /// <summary>The endpoint re-decides logged decisions: it runs within the analysis limits.</summary>
    public static RouteHandlerBuilder WithinAnalysisLimits(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<AnalysisGateFilter>();
}
