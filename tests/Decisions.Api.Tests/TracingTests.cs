using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Decisions.Api.Observability;

namespace Decisions.Api.Tests;

/// <summary>
/// An operator follows a decision through its trace: the request's server span, the decision's spans below it and
/// the block commit that links it, the trace id in the answer's header, in its problems and in the decision log.
/// Listeners are process-wide, so each test sends its own <c>traceparent</c> and looks only at its own trace.
/// </summary>
public sealed class TracingTests
{
    private static readonly object Customer = new { customerId = "OT-1", avgDailyBalance = 700000 };

    [Fact]
    public async Task A_decision_is_traced_from_its_request_to_the_block_commit_and_logged_with_its_trace_and_caller()
    {
        using var spans = new SpanRecorder();
        var decided = new ConcurrentQueue<(string? RuleSet, string? Outcome)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Meter.Name: DecisionMetrics.MeterName, Name: "decisions" })
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((_, _, tags, _) => decided.Enqueue(
            (Tag(tags, "rule_set"), Tag(tags, "outcome"))));
        meters.Start();
        await using var app = new DecisionsAppFixture();
        var trace = ActivityTraceId.CreateRandom();

        var response = await Send(app.Client("teller"), trace, new { ruleSet = "retail-tiering", customer = Customer });
        var decision = await response.Json(HttpStatusCode.OK);

        Assert.StartsWith($"00-{trace}-",
            response.Headers.GetValues(ObservabilityExtensions.TraceResponseHeader).Single());
        var server = await spans.Find(a => a.TraceId == trace && a.Kind == ActivityKind.Server);
        var decide = await spans.Find(a => a.TraceId == trace && a.OperationName == "decisions.decide");
        var evaluate = await spans.Find(a => a.TraceId == trace && a.OperationName == "decisions.evaluate");
        var append = await spans.Find(a => a.TraceId == trace && a.OperationName == "decision_log.append");
        Assert.Equal(server.SpanId, decide.ParentSpanId);
        Assert.Equal((decide.SpanId, decide.SpanId), (evaluate.ParentSpanId, append.ParentSpanId));
        var tier = decision.GetProperty("tier").GetProperty("code").GetString();
        foreach (var span in new[] { decide, evaluate })
        {
            Assert.Equal("retail-tiering", span.GetTagItem(DecisionTracing.RuleSet));
            Assert.Equal(1, span.GetTagItem(DecisionTracing.Version));
            Assert.Equal(tier, span.GetTagItem(DecisionTracing.Tier));
        }

        // The block's commit serves many requests: a trace of its own, linked to each decision waiting for it.
        var commit = await spans.Find(a => a.OperationName == "decision_log.commit"
            && a.Links.Any(link => link.Context.SpanId == append.SpanId));
        Assert.NotEqual(trace, commit.TraceId);
        var sequence = (long)append.GetTagItem(DecisionTracing.Sequence)!;
        var first = (long)commit.GetTagItem(DecisionTracing.BlockFirst)!;
        Assert.InRange(sequence, first, (long)commit.GetTagItem(DecisionTracing.Sequence)!);

        var id = decision.GetProperty("decisionId").GetString();
        var logged = await (await app.Client("auditor").GetAsync($"/v1/decisions/{id}")).Json(HttpStatusCode.OK);
        Assert.Equal(trace.ToHexString(), logged.GetProperty("traceId").GetString());
        Assert.Equal("teller", logged.GetProperty("caller").GetString());
        Assert.Equal(sequence, logged.GetProperty("sequence").GetInt64());
        Assert.Contains(("retail-tiering", "Decided"), decided);
        var verified = await (await app.Client("auditor").GetAsync("/v1/audit/verify")).Json(HttpStatusCode.OK);
        Assert.True(verified.GetProperty("intact").GetBoolean(), verified.ToString());
    }

    [Fact]
    public async Task A_rule_set_change_is_a_span_with_its_rule_set_version_and_caller()
    {
        using var spans = new SpanRecorder();
        await using var app = new DecisionsAppFixture();
        var trace = ActivityTraceId.CreateRandom();

        var refused = await Send(app.Client("approver"), trace, new { comment = "no such version" },
            "/v1/rulesets/retail-tiering/versions/99/approve");

        await refused.Problem(HttpStatusCode.NotFound);
        var approve = await spans.Find(a => a.TraceId == trace && a.OperationName == "rulesets.approve");
        Assert.Equal(("retail-tiering", "99", "approver"), (approve.GetTagItem(DecisionTracing.RuleSet),
            approve.GetTagItem(DecisionTracing.Version), approve.GetTagItem(DecisionTracing.Caller)));
        Assert.Equal(ActivityStatusCode.Error, approve.Status);
    }

    [Theory]
    [InlineData("/v1/decisions", """{ "ruleSet": "no-such-rule-set", "customer": {} }""", HttpStatusCode.NotFound)]
    [InlineData("/v1/decisions", """{ "ruleSet": """, HttpStatusCode.BadRequest)]
    [InlineData("/v1/no-such-route", "{}", HttpStatusCode.NotFound)]
    public async Task A_problem_carries_the_trace_id_of_its_traceresponse_header(string url,
        string body, HttpStatusCode status)
    {
        await using var app = new DecisionsAppFixture();
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        var response = await app.Client("teller").SendAsync(request);

        var problem = await response.Problem(status);
        Assert.Equal(trace.ToHexString(), problem.GetProperty("traceId").GetString());
        Assert.StartsWith($"00-{trace}-",
            response.Headers.GetValues(ObservabilityExtensions.TraceResponseHeader).Single());
    }

    internal static Task<HttpResponseMessage> Send(
        HttpClient client, ActivityTraceId trace, object body, string url = "/v1/decisions")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        return client.SendAsync(request);
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string;
            }
        }

        return null;
    }
}
