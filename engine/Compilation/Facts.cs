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

    /// <summary>Lambda calls (<c>x => ...</c>) this decision may still make; see <see cref="Spend"/>.</summary>
    public long StepsLeft;

    /// <summary>
    /// Called by every lambda inside an expression. The allow-list bounds each expression's shape, but a
    /// nested lambda over a long input list still does work quadratic in the input; the budget stops that
    /// decision with a rule error instead of tying up the thread.
    /// </summary>
    public void Spend()
    {
        if (--StepsLeft < 0)
        {
            throw new EvaluationBudgetExceededException();
        }
    }
}

/// <summary>A decision needed more lambda calls than <see cref="DecisionEngineOptions.MaxEvaluationSteps"/>.</summary>
internal sealed class EvaluationBudgetExceededException()
    : InvalidOperationException("The rule exceeded the evaluation budget (too many x => ... calls for this customer's lists).");
