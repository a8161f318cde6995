using System.Linq.Expressions;
using Decisions.Engine.Explanation;
using Decisions.Engine.Messages;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

internal sealed record CompiledScore(string Name, Func<Facts, decimal> Evaluate, Action<object, decimal> Store);

internal sealed record CompiledTier(
    TierRule Rule, Expression When, ConditionNode Explained, string Label, string? Owner, MessageTemplate? Message);

internal sealed record CompiledPrivilege(PrivilegeOutcome Outcome, Expression When, ConditionNode Explained);

internal sealed record CompiledAction(
    NextActionRule Rule, string Title, Expression When, ConditionNode Explained, MessageTemplate Message);
