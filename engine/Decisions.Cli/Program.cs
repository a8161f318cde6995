using Decisions.Cli;

return await DecisionsTool.RunAsync(args, ToolContext.FromProcess());
