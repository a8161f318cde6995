using System.Diagnostics;

namespace Decisions.Engine.Compilation;

/// <summary>
/// Everything one evaluation may read. Compiled expressions take this single argument; its fields are
/// all a rule can see, which is what makes a decision a pure function of version, input and time.
/// </summary>
internal sealed class Facts
{
    // Reading the timer costs ~20 ns, a step ~1 ns: the deadline and the token are looked at every this many steps.
    private const long CheckEvery = 4_096;

    public object Customer = null!;
    public object Params = null!;
    public object Scores = null!;
    public string Tier = "";
    public DateOnly Today;
    public DateTimeOffset AsOf;

    private long _stepsLeft;
    private long _checkAt;
    private long _deadline;
    private CancellationToken _cancellation;
    private string? _stopped;

    /// <summary>
    /// Arms the budget: <paramref name="steps"/> units of work, until <paramref name="deadline"/> (a
    /// <see cref="Stopwatch"/> timestamp) or until <paramref name="cancellation"/> is cancelled.
    /// </summary>
    public void Budget(long steps, long deadline, CancellationToken cancellation)
    {
        _stepsLeft = steps;
        _deadline = deadline;
        _cancellation = cancellation;
        _checkAt = Math.Max(0, steps - CheckEvery);
    }

    /// <summary>What is left of the budget, to put back after work charged to a budget of its own.</summary>
    public (long StepsLeft, long CheckAt, long Deadline, CancellationToken Cancellation, string? Stopped) Remaining() =>
        (_stepsLeft, _checkAt, _deadline, _cancellation, _stopped);

    public void Restore(
        (long StepsLeft, long CheckAt, long Deadline, CancellationToken Cancellation, string? Stopped) left) =>
        (_stepsLeft, _checkAt, _deadline, _cancellation, _stopped) = left;

    /// <summary>
    /// Called for every unit of work an expression does: each lambda call, each element an
    /// <see cref="Enumerable"/> method visits, each character of text a string method reads. The allow-list
    /// bounds each expression's shape, but not the length of the lists and texts it is given; the budget
    /// stops that decision with a rule error instead of tying up the thread.
    /// </summary>
    public void Spend(long steps = 1)
    {
        if ((_stepsLeft -= steps) < _checkAt)
        {
            Check();
        }
    }

    /// <summary>Spends the length of <paramref name="text"/> and returns it, for string methods.</summary>
    public string? Read(string? text)
    {
        Spend(text is null ? 1 : text.Length + 1);
        return text;
    }

    // Throws if the decision has run out of steps or time, or was cancelled.
    private void Check()
    {
        _stopped ??= _stepsLeft < 0
            ? "it needed more than the evaluation budget of steps (elements, characters and x => ... calls)"
            : _cancellation.IsCancellationRequested ? "the request was cancelled"
            : Stopwatch.GetTimestamp() > _deadline ? "it ran past the evaluation time limit"
            : null;
        if (_stopped is not null)
        {
            // Every later step throws too, so no rule after this one runs on.
            _checkAt = long.MaxValue;
            throw new EvaluationStoppedException(_stopped);
        }

        _checkAt = Math.Max(0, _stepsLeft - CheckEvery);
    }
}

/// <summary>A decision ran out of its budget or its time, or was cancelled; the message says which.</summary>
internal sealed class EvaluationStoppedException(string reason)
    : InvalidOperationException($"The rule was stopped: {reason}.");
