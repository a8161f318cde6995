using Decisions.Api.Health;
using Decisions.Api.RuleSets;
using Decisions.Engine;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddProblemDetails();
builder.Services.AddDecisionEngine();
builder.AddRuleSetCatalog();
builder.Services.AddDecisionHealthChecks();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDecisionHealthChecks();

app.Run();
