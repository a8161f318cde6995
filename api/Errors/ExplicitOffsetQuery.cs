using Decisions.Engine.Serialization;

namespace Decisions.Api.Errors;

/// <summary>
/// Query-string times (<c>?at=</c>, <c>?from=</c>, <c>?to=</c>) follow the same rule as times in a body: ASP.NET
/// binds them with <see cref="DateTimeOffset.TryParse(string?, IFormatProvider?, out DateTimeOffset)"/>, which
/// reads a time without an offset in the server's zone, so they must carry an explicit offset or Z.
/// </summary>
public static class ExplicitOffsetQuery
{
    /// <summary>An endpoint filter factory: a 400 problem naming the parameter, before the handler runs.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var names = context.MethodInfo.GetParameters()
            .Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType) == typeof(DateTimeOffset))
            .Select(p => p.Name!)
            .ToArray();
        return names.Length == 0 ? next : invocation =>
        {
            var query = invocation.HttpContext.Request.Query;
            var refused = names.FirstOrDefault(name =>
                query.TryGetValue(name, out var values) && !Rfc3339TimeConverter.TryParse(values.ToString(), out _));
            return refused is null
                ? next(invocation)
                : ValueTask.FromResult<object?>(
                    Problems.Of(ProblemTypes.InvalidParameter, $"'{refused}': {Rfc3339TimeConverter.Expected}"));
        };
    }
}
