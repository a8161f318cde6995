using Microsoft.Playwright;

namespace Decisions.Console.Tests;

/// <summary>
/// A decision's explanation on a console page (simulate, a logged decision, its replay), found by its test id: the
/// reasons of what was decided, why not each higher tier and what it would take.
/// </summary>
public sealed class ExplanationPanel(IPage page, string testId)
{
    public ILocator Root => page.GetByTestId(testId);

    /// <summary>
    /// A rule that decided part of the answer, e.g. <c>tiers</c>, <c>TARGET</c>, with its conditions.
    /// </summary>
    public ILocator Reason(string section, string rule) => Root.GetByTestId($"reasons-{section}-{rule}");

    /// <summary>A tier above the decided one, with the conditions that failed.</summary>
    public ILocator WhyNot(string tier) => Root.GetByTestId($"why-not-tiers-{tier}");

    /// <summary>One input's change that would give <paramref name="tier"/>.</summary>
    public ILocator Takes(string tier, string field) => Root.GetByTestId($"take-{tier}-{field}");

    /// <summary>The link, within <paramref name="item"/>, to a parameter on the version's page.</summary>
    public static ILocator Parameter(ILocator item, string name) =>
        item.GetByRole(AriaRole.Link, new() { Name = $"parameter {name}", Exact = true });

    /// <summary>The link, within <paramref name="item"/>, whose text is exactly <paramref name="text"/>.</summary>
    public static ILocator Link(ILocator item, string text) =>
        item.GetByRole(AriaRole.Link, new() { Name = text, Exact = true });
}
