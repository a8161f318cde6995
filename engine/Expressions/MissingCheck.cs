using Decisions.Engine.Compilation;

namespace Decisions.Engine.Expressions;

/// <summary>
/// Format 2: the customer fields a condition reads, and whether it was unknown (null) for a decision's facts;
/// compiled on first use, since only a decision with absent inputs asks.
/// </summary>
internal sealed record MissingCheck(IReadOnlyList<string> Reads, Lazy<Func<Facts, bool>> Unknown);
