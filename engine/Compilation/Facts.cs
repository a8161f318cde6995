namespace Decisions.Engine.Compilation;

/// <summary>
/// Everything one evaluation may read. Compiled expressions take this single argument; its fields are
/// all a rule can see, which is what makes a decision a pure function of version, input and time.
/// </summary>
internal sealed class Facts
{
    public object Customer = null!;
    public object Params = null!;
    public object Scores = null!;
    public string Tier = "";
    public DateOnly Today;
    public DateTimeOffset AsOf;
}
