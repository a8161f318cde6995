namespace Decisions.Api.Observability;

/// <summary>
/// A span per rule-set change (<c>rulesets.{step}</c>: import, draft, submit, approve, activate, rollback...) with the
/// rule set, the version, the caller's key name and, for a refusal, the status it was answered with.
/// </summary>
public static class LifecycleTracing
{
    public static RouteHandlerBuilder Traced(this RouteHandlerBuilder builder, string step)
    {
        var name = "rulesets." + step;
        return builder.AddEndpointFilter(async (context, next) =>
        {
            using var activity = DecisionTracing.Source.StartActivity(name);
            if (activity is null)
            {
                return await next(context);
            }

            var route = context.HttpContext.Request.RouteValues;
            activity.SetTag(DecisionTracing.RuleSet, route["name"]).SetTag(DecisionTracing.Version, route["version"])
                .SetTag(DecisionTracing.Caller, context.HttpContext.User.Identity?.Name);
            var result = await next(context);
            var answer = result is INestedHttpResult nested ? nested.Result : result;
            if (answer is IStatusCodeHttpResult { StatusCode: >= 400 } refused)
            {
                activity.Failed($"Answered {refused.StatusCode}.");
            }

            return result;
        });
    }
}
