namespace Decisions.Engine.Expressions;

/// <summary>
/// Checks the text of an expression before it reaches the parser: the parser recurses once per bracket, and
/// about 2,000 nested brackets overflow the stack, which kills the process and cannot be caught.
/// </summary>
internal static class ExpressionGuard
{
    public static string? Check(string text, DecisionEngineOptions options)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "The expression is empty.";
        }

        if (text.Length > options.MaxExpressionLength)
        {
            return $"The expression is {text.Length} characters long; the limit is {options.MaxExpressionLength}.";
        }

        var maxDepth = NestingDepth(text);
        return maxDepth > options.MaxNestingDepth
            ? $"The expression nests brackets {maxDepth} deep; the limit is {options.MaxNestingDepth}."
            : null;
    }

    /// <summary>The deepest bracket nesting in <paramref name="text"/>, outside string literals.</summary>
    public static int NestingDepth(ReadOnlySpan<char> text)
    {
        var depth = 0;
        var maxDepth = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '"' or '\'':
                    quote = c;
                    break;
                case '(' or '[' or '{':
                    maxDepth = Math.Max(maxDepth, ++depth);
                    break;
                case ')' or ']' or '}':
                    depth--;
                    break;
            }
        }

        return maxDepth;
    }
}
