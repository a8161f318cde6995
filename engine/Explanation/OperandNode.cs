using Decisions.Engine.Compilation;

namespace Decisions.Engine.Explanation;

/// <summary>
/// One side of a comparison, compiled on first use. An operand that reads only parameters and literals has one
/// value per rule-set version: it is read once and kept.
/// </summary>
internal sealed class OperandNode(
    string? name, string? label, string? customerField, bool invariant, Lazy<Func<Facts, object?>> read)
{
    private object? _value;
    private volatile bool _known;

    /// <summary>The customer field this operand reads directly (<c>customer.x</c>), else null.</summary>
    public string? Field => customerField;

    /// <summary>The operand with a value already read (or a test's outcome).</summary>
    public Operand With(object? value) => new(name, value, label);

    /// <summary>
    /// Whether two values read are the same as written: equal decimals of another scale (500000 and 500000.00)
    /// are not, since an explanation shows them as given.
    /// </summary>
    public static bool Same(object? a, object? b) => ReferenceEquals(a, b) || (a, b) switch
    {
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (decimal x, decimal y) => x == y && x.Scale == y.Scale,
        (bool x, bool y) => x == y,
        (long x, long y) => x == y,
        (int x, int y) => x == y,
        (DateOnly x, DateOnly y) => x == y,
        _ => false,
    };

    /// <summary>Its value for <paramref name="facts"/>; throws what the expression throws.</summary>
    public object? Value(Facts facts)
    {
        if (!invariant)
        {
            return read.Value(facts);
        }

        // Benign race: two threads may both read the parameters, and get the same value.
        if (!_known)
        {
            _value = read.Value(facts);
            _known = true;
        }

        return _value;
    }
}
