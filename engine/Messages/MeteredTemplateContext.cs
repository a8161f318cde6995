using System.Numerics;
using Decisions.Engine.Compilation;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Decisions.Engine.Messages;

/// <summary>
/// A template context that charges every node a render evaluates, and the length of every text it builds, to
/// the decision's budget (<see cref="Facts.Spend"/>), so a render stops at the decision's step budget, time
/// limit or cancellation. A value no message needs (a text longer than a message, a number wider than 128
/// bits) stops the render at once, before another operation can grow it further.
/// </summary>
internal sealed class MeteredTemplateContext(ScriptObject builtins, int maxText) : TemplateContext(builtins)
{
    private const int MaxNumberBits = 128;

    /// <summary>The decision this render spends from; set before each render.</summary>
    public Facts? Facts { get; set; }

    /// <summary>Format 2: how numbers and dates are written for the rule set's locale; null keeps format 1's.</summary>
    public MessageCulture? Locale { get; init; }

    public override string? ObjectToString(object? value, bool nested = false) =>
        Locale?.Format(value) ?? base.ObjectToString(value!, nested);

    public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
    {
        Facts?.Spend();
        var result = base.Evaluate(scriptNode, aliasReturnedFunction);
        switch (result)
        {
            case string text:
                Facts?.Spend(text.Length);
                if (text.Length > maxText)
                {
                    throw new TemplateStoppedException(
                        $"it built a text of {text.Length} characters; a message holds at most {maxText}");
                }

                break;
            case BigInteger number when number.GetBitLength() > MaxNumberBits:
                throw new TemplateStoppedException($"it built a number wider than {MaxNumberBits} bits");
        }

        return result;
    }
}

/// <summary>A render built a value no message needs; the message says what.</summary>
internal sealed class TemplateStoppedException(string reason)
    : InvalidOperationException($"The template was stopped: {reason}.");
