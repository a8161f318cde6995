using System.Collections;

namespace Decisions.Engine.Compilation;

/// <summary>
/// A sequence that spends one step of the decision's budget per element it yields. Every sequence an
/// expression hands to an <see cref="Enumerable"/> method is wrapped in one, so <c>Distinct</c>, <c>Contains</c>
/// or <c>Sum</c> over a long list cost what they visit, lambdas or not.
/// </summary>
internal sealed class MeteredSequence<T>(IEnumerable<T> source, Facts facts) : IEnumerable<T>
{
    public static IEnumerable<T> Of(IEnumerable<T> source, Facts facts) => new MeteredSequence<T>(source, facts);

    public IEnumerator<T> GetEnumerator() => new Enumerator(source.GetEnumerator(), facts);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Enumerator(IEnumerator<T> inner, Facts facts) : IEnumerator<T>
    {
        public T Current => inner.Current;

        object? IEnumerator.Current => inner.Current;

        public bool MoveNext()
        {
            facts.Spend();
            return inner.MoveNext();
        }

        public void Reset() => inner.Reset();

        public void Dispose() => inner.Dispose();
    }
}
