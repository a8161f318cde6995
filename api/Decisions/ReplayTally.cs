namespace Decisions.Api.Decisions;

/// <summary>How many decisions of a replay run fell in one outcome, with the first 20 ids.</summary>
internal sealed class ReplayTally
{
    private readonly List<string> _samples = [];

    public int Count { get; private set; }

    public IReadOnlyList<string> Samples => _samples;

    public void Add(string id)
    {
        Count++;
        if (_samples.Count < 20)
        {
            _samples.Add(id);
        }
    }
}
