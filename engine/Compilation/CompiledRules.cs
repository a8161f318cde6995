using System.Linq.Expressions;
using Decisions.Engine.Expressions;
using Decisions.Engine.Explanation;
using Decisions.Engine.Messages;
using Decisions.Engine.Model;

namespace Decisions.Engine.Compilation;

internal sealed record CompiledScore(
    string Name, Func<Facts, decimal?> Evaluate, Action<object, decimal?> Store, IReadOnlyList<string> Reads);

internal sealed record CompiledTier(
    TierRule Rule, Expression When, ConditionNode Explained, string Label, string? Owner, MessageTemplate? Message,
    MissingCheck? Missing = null);

internal sealed record CompiledPrivilege(
    PrivilegeOutcome Outcome, Expression When, ConditionNode Explained, MissingCheck? Missing = null);

internal sealed record CompiledAction(
    NextActionRule Rule, string Title, Expression When, ConditionNode Explained, MessageTemplate Message,
    MissingCheck? Missing = null);
