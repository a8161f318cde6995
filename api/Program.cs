using Decisions.AdminConsole;
using Decisions.Api.Audit;
using Decisions.Api.Benchmarking;
using Decisions.Api.Checkpoints;
using Decisions.Api.Auth;
using Decisions.Api.Analysis;
using Decisions.Api.Decisions;
using Decisions.Api.Erasure;
using Decisions.Api.Errors;
using Decisions.Api.Health;
using Decisions.Api.Limits;
using Decisions.Api.Observability;
using Decisions.Api.OpenApi;
using Decisions.Api.Operations;
using Decisions.Api.RuleSets;
using Decisions.Api.Storage;
using Decisions.Engine;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddMetricsPort();
builder.Services.AddDecisionErrorHandling();
builder.AddApiKeyAuth();
builder.AddRequestLimits();
builder.AddStorage();
builder.AddCheckpoints();
builder.AddErasure();
builder.Services.AddDecisionEngine(builder.Configuration.GetSection("Engine").Bind);
builder.AddRuleSets();
builder.AddBenchmarkFill();
builder.Services.AddDecisionOpenApi();
builder.Services.AddDecisionHealthChecks();

var app = builder.Build();

app.UseHttpRequestMetrics();
app.UseTraceResponse();
app.UseDecisionErrorHandling();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();

app.MapDecisionOpenApi();
app.MapRuleSetDocuments();
app.MapDecisionHealthChecks();
app.MapObservability();
app.MapMeEndpoints();
app.MapDecisionEndpoints();
app.MapRuleSetEndpoints();
app.MapCustomerSchemaEndpoints();
app.MapAnalysisRunEndpoints();
app.MapAuditEndpoints();
app.MapBackupEndpoints();
app.MapCheckpointEndpoints();
app.MapErasureEndpoints();
app.MapBenchmarkEcho(app.Configuration);
app.MapAdminConsole();

app.Run();

/// <summary>The entry point, visible to the integration tests' host fixture.</summary>
public partial class Program;
