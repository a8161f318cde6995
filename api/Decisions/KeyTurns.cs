namespace Decisions.Api.Decisions;

/// <summary>
/// Requests carrying the same idempotency key take turns within this process: a retry that arrives while the
/// first attempt is still being decided waits for it, and then finds its decision in the log.
/// </summary>
public sealed class KeyTurns
{
    private readonly Dictionary<string, Task> _last = new(StringComparer.Ordinal);

    public async Task<IDisposable> TakeAsync(string key, CancellationToken cancellationToken)
    {
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task before;
        lock (_last)
        {
            before = _last.GetValueOrDefault(key) ?? Task.CompletedTask;
            _last[key] = mine.Task;
        }

        var turn = new Turn(this, key, mine, before);
        try
        {
            await before.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            turn.Dispose();
            throw;
        }

        return turn;
    }

    // A request that gave up waiting must not let the next one in before the one it was waiting for is done.
    private void End(string key, TaskCompletionSource mine, Task before) =>
        before.ContinueWith(
            _ =>
            {
                lock (_last)
                {
                    if (_last.TryGetValue(key, out var last) && last == mine.Task)
                    {
                        _last.Remove(key);
                    }
                }

                mine.SetResult();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private sealed class Turn(KeyTurns turns, string key, TaskCompletionSource mine, Task before) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                turns.End(key, mine, before);
            }
        }
    }
}
