using System.CommandLine;
using System.Text.Json;
using Decisions.Engine.Explanation;
using Decisions.Engine.Model;
using Decisions.Engine.Serialization;

namespace Decisions.Cli;

/// <summary>
/// A simulated decision as the service's simulate call answers it: the decision explained to the level asked
/// for, or the failure with its problems, and the trace.
/// </summary>
internal sealed record Simulation(
    Decision? Decision, DecisionFailure? Failure, IReadOnlyList<Problem> Problems, IReadOnlyList<TraceEntry> Trace);

/// <summary>
/// <c>decisions simulate FILE --customer JSON|@file [--as-of TIME] [--explain LEVEL]</c>: decides for one customer
/// with the file's rules, nothing logged, and prints the service's JSON; exit 1 when no decision is made.
/// </summary>
internal static class SimulateCommand
{
    private static readonly string[] Levels = ["reasons", "full", "counterfactual"];

    public static Command Create(ToolContext context)
    {
        var file = new Argument<string>("file") { Description = "The rule-set file" };
        var customer = new Option<string>("--customer")
        {
            Description = "The customer as JSON, or @FILE to read it from a file",
            Required = true,
        };
        var asOf = new Option<string>("--as-of") { Description = "Decision time, RFC 3339 with offset (default: now)" };
        asOf.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && !Rfc3339TimeConverter.TryParse(text, out _))
            {
                result.AddError($"--as-of '{text}': {Rfc3339TimeConverter.Expected}");
            }
        });
        var explain = new Option<string>("--explain")
        {
            Description = "reasons (default), full (trace and why-not) or counterfactual (what it would take)",
            DefaultValueFactory = _ => Levels[0],
        };
        explain.AcceptOnlyFromAmong(Levels);
        var command = new Command("simulate", "Decide for a sample customer with a rule-set file")
        {
            file, customer, asOf, explain,
        };
        command.SetAction((parsed, cancellationToken) => Task.FromResult(Run(
            new Request(parsed.GetRequiredValue(file), parsed.GetRequiredValue(customer), parsed.GetValue(asOf),
                (ExplainLevel)(Array.IndexOf(Levels, parsed.GetRequiredValue(explain)) + 1)),
            context, cancellationToken)));
        return command;
    }

    private sealed record Request(string File, string Customer, string? AsOf, ExplainLevel Level);

    private static int Run(Request request, ToolContext context, CancellationToken cancellationToken)
    {
        if (RuleSetFiles.Read(request.File, context) is not { } file
            || ReadCustomer(request.Customer, context) is not { } customer)
        {
            return ExitCodes.Usage;
        }

        var report = RuleSetFiles.Validate(file);
        if (report.Compiled is not { } compiled)
        {
            RuleSetFiles.WriteProblems(context.Output, file, report.Problems);
            return ExitCodes.Invalid;
        }

        // The service decides at its clock's now when no time is given; so does the tool, with its own clock.
        var asOf = request.AsOf is { } text && Rfc3339TimeConverter.TryParse(text, out var given)
            ? given
            : context.Clock.GetUtcNow();
        var result = compiled.Evaluate(customer, asOf, request.Level, cancellationToken);
        ApiJson.Write(context.Output, new Simulation(result.Decision, result.Failure, result.Problems, result.Trace));
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Invalid;
    }

    /// <summary>The customer JSON, inline or from <c>@FILE</c>, read as strictly as the service reads it.</summary>
    private static JsonElement? ReadCustomer(string value, ToolContext context)
    {
        var source = value.StartsWith('@') ? value[1..] : null;
        try
        {
            var text = source is null ? value : File.ReadAllText(source);
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowDuplicateProperties = false });
            return document.RootElement.Clone();
        }
        catch (Exception exception) when (exception is JsonException or IOException or UnauthorizedAccessException)
        {
            var from = source is null ? "" : $" from '{source}'";
            context.Error.Write($"decisions: cannot read the customer{from}: {exception.Message}\n");
            return null;
        }
    }
}
