using System.Linq.Expressions;
using Decisions.Engine.Compilation;
using Decisions.Engine.Model;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Decisions.Engine.Expressions;

/// <summary>
/// Turns one expression in RulesEngine's expression language into a delegate over <see cref="Facts"/>:
/// text limits first, then RulesEngine's parser, then the allow-list, then compilation to IL.
/// Evaluating the delegate costs what the expression costs, without RulesEngine's per-call bookkeeping.
/// </summary>
internal sealed class RuleExpressionCompiler(DecisionEngineOptions options)
{
    private readonly RuleExpressionParser _parser = new(new ReSettings
    {
        CustomTypes = [typeof(Days), typeof(Festivals)],
        IsExpressionCaseSensitive = true,
    });

    /// <summary>
    /// A boolean condition as parsed (over the scope's names, for explanations) and bound to the scope's
    /// <see cref="Facts"/> parameter (for a <see cref="ConditionSet"/>); <paramref name="alwaysTrue"/> tells a
    /// catch-all such as <c>true</c>.
    /// </summary>
    public (Expression Parsed, Expression Bound)? CompileCondition(
        string text, string path, ExpressionScope scope, ICollection<Problem> problems, out bool alwaysTrue) =>
        CompileCondition(text, path, scope, problems, out alwaysTrue, out _);

    /// <summary>
    /// As above; with format 2, <paramref name="missing"/> tells whether the condition was unknown (null) and
    /// which customer fields it reads, for the decision's list of missing inputs. <c>Parsed</c> is the tree as
    /// written, which explanations split into comparisons; <c>Bound</c> the one decisions run (lifted in format 2).
    /// </summary>
    public (Expression Parsed, Expression Bound)? CompileCondition(
        string text,
        string path,
        ExpressionScope scope,
        ICollection<Problem> problems,
        out bool alwaysTrue,
        out MissingCheck? missing)
    {
        alwaysTrue = false;
        missing = null;
        var body = Parse(text, path, scope, problems);
        if (body is null)
        {
            return null;
        }

        if (body.Type != typeof(bool))
        {
            problems.Add(new Problem(path,
                $"The condition must be true or false, but it is a {scope.Describe(body.Type)}."));
            return null;
        }

        alwaysTrue = body is ConstantExpression { Value: true };
        if (Lift(body, path, scope, problems, out var reads) is not { } lifted)
        {
            return null;
        }

        if (reads.Count > 0)
        {
            var unknown = new ScopeBinder(scope).Visit(MissingValues.IsUnknown(lifted));
            var facts = scope.Facts;
            missing = new MissingCheck(
                reads, new(() => Expression.Lambda<Func<Facts, bool>>(unknown, facts).Compile()));
        }

        return (body, new ScopeBinder(scope).Visit(MissingValues.IsTrue(lifted)));
    }

    /// <summary>
    /// A number (any numeric type, widened to decimal); null only with format 2, when it depends on an absent
    /// value. <paramref name="reads"/> lists the customer fields it reads (format 2).
    /// </summary>
    public Func<Facts, decimal?>? CompileNumber(
        string text, string path, ExpressionScope scope, ICollection<Problem> problems, out IReadOnlyList<string> reads)
    {
        reads = [];
        var body = Parse(text, path, scope, problems);
        if (body is null)
        {
            return null;
        }

        if (!IsNumber(body.Type))
        {
            problems.Add(
                new Problem(path, $"The expression must be a number, but it is a {scope.Describe(body.Type)}."));
            return null;
        }

        return Lift(body, path, scope, problems, out reads) is { } lifted ? Lambda<decimal?>(lifted, scope) : null;
    }

    /// <summary>Text, for points tables keyed by a string field.</summary>
    public Func<Facts, string?>? CompileText(
        string text, string path, ExpressionScope scope, ICollection<Problem> problems, out IReadOnlyList<string> reads)
    {
        reads = [];
        var body = Parse(text, path, scope, problems);
        return body is not null && Lift(body, path, scope, problems, out reads) is { } lifted
            ? Lambda<string?>(lifted, scope)
            : null;
    }

    /// <summary>The parsed, allow-listed tree of an expression over the scope's names, or null with problems.</summary>
    public Expression? Parsed(string text, ExpressionScope scope) => Parse(text, "", scope, new List<Problem>());

    /// <summary>The static type of an expression, without compiling it, or null with a problem.</summary>
    public Type? TypeOf(string text, string path, ExpressionScope scope, ICollection<Problem> problems) =>
        Parse(text, path, scope, problems)?.Type;

    private Expression? Parse(string text, string path, ExpressionScope scope, ICollection<Problem> problems)
    {
        if (ExpressionGuard.Check(text, options) is { } tooBig)
        {
            problems.Add(new Problem(path, tooBig));
            return null;
        }

        Expression body;
        try
        {
            body = _parser.Parse(text, [.. scope.Parameters], null);
        }
        // The parser converts literals while it parses: "x" == asOf throws FormatException, a huge literal
        // OverflowException.
        catch (Exception exception) when (exception is System.Linq.Dynamic.Core.Exceptions.ParseException
            or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            problems.Add(new Problem(path, scope.Humanize(exception.Message)));
            return null;
        }

        var violations = ExpressionAllowList.Check(body, scope, options);
        foreach (var violation in violations)
        {
            problems.Add(new Problem(path, violation));
        }

        return violations.Count == 0 ? body : null;
    }

    // Format 2 rewrites the tree so that an absent value is null; format 1 compiles it as parsed.
    private static Expression? Lift(
        Expression body,
        string path,
        ExpressionScope scope,
        ICollection<Problem> problems,
        out IReadOnlyList<string> reads)
    {
        reads = [];
        if (!scope.MissingIsNull)
        {
            return body;
        }

        var (lifted, read, refused) = MissingValues.Lift(body, scope);
        if (refused is not null)
        {
            problems.Add(new Problem(path, scope.Humanize(refused)));
            return null;
        }

        reads = read;
        return lifted;
    }

    private static Func<Facts, T> Lambda<T>(Expression body, ExpressionScope scope)
    {
        var bound = new ScopeBinder(scope).Visit(body);
        if (bound.Type != typeof(T))
        {
            bound = Expression.Convert(bound, typeof(T));
        }

        return Expression.Lambda<Func<Facts, T>>(bound, scope.Facts).Compile();
    }

    private static bool IsNumber(Type type) =>
        type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(double);
}
