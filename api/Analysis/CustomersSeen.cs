namespace Decisions.Api.Analysis;

/// <summary>
/// The customers whose latest decision a run has met, reading newest first: a 64-bit hash per customer (~30 bytes
/// each in the set, ~30 MB at a million customers) rather than the ids. Two customers share a hash with a
/// probability of about 3·10⁻⁸ at a million customers; they would then count once. A decision without a customer
/// id cannot be tied to anyone else's and counts as a customer of its own.
/// </summary>
public sealed class CustomersSeen
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private readonly HashSet<ulong> _seen = [];

    public int Count { get; private set; }

    /// <summary>True the first time a customer is met: this decision is the customer's latest.</summary>
    public bool FirstTime(string? customerId)
    {
        if (customerId is not null && !_seen.Add(Hash(customerId)))
        {
            return false;
        }

        Count++;
        return true;
    }

    // FNV-1a over the id's UTF-16 code units: no dependency, and evenly spread for ids like "R-000123".
    private static ulong Hash(string id)
    {
        var hash = Offset;
        foreach (var c in id)
        {
            hash = (hash ^ c) * Prime;
        }

        return hash;
    }
}
