namespace Decisions.Api.Lists;

/// <summary>
/// One page of a list: its <c>items</c>, the <c>limit</c> it was read with, and
/// <c>next</c>, the opaque cursor of the following page (pass it as <c>?cursor=</c> with the same
/// filters), or null when there is no more. An envelope rather than a bare array, so that paging was there from the
/// start and no client breaks when a list grows.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Limit, string? Next);
