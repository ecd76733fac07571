// An ASP.NET Core minimal API over ComplaintRules:
//   POST /complaints/analyze  {"id": "...", "text": "..."}, Content-Type: application/json (415 otherwise), at most
//                             ComplaintApi:MaxRequestBodyBytes (1 MiB: a 100,000-character complaint fits even
//                             fully \u-escaped; 413 beyond) -> the assessment, in the same JSON as the CLI prints
//   POST /complaints/{id}/outcome  {"remediesGiven": ["refund"], "resolved": true, "satisfaction": 4, "reopened": false,
//                             "timeToResolve": "1.02:00:00"} -> 202 with the alerts it raised; feeds the satisfaction and
//                             reopen-rate alert rules (rules/bank.rules.json has examples)
//   GET  /alerts              the early-warning alerts in force (a repeat-customer alert names a customer id, so it
//                             requires the "rules-admin" policy too)
//   GET  /rules               the rule set serving and the last reload error. It shows file paths and error text,
//                             so it requires the "rules-admin" policy: here an operator key in X-Api-Key
//                             (RulesAdmin:ApiKey; none configured = nobody). Use your identity provider in production.
//   GET  /health              for load balancers: 200 Healthy, 200 Degraded, 503 Unhealthy. Degraded means a failed
//                             reload left the last good rules serving: the instance still answers correctly, and a
//                             bad rule file reaches every replica at once, so 503 would drain the whole fleet.
//   GET  /health/rules        for monitoring and alerting: 503 while the rules are degraded.
// The rule file in rules/ (relative to the content root) is layered over the default and reloaded when it changes.
using ComplaintRules;
using ComplaintRules.Samples.WebApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);
var maxBodyBytes = builder.Configuration.GetValue("ComplaintApi:MaxRequestBodyBytes", 1L << 20);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBodyBytes);
builder.Services.AddOptions<ComplaintRulesOptions>().BindConfiguration(ComplaintRulesOptions.SectionName);
builder.Services.AddComplaintRules();
builder.Services.AddHealthChecks().AddCheck<ComplaintRulesHealthCheck>("complaint-rules");
builder.Services.AddAuthentication(ApiKeyAuthentication.Scheme).AddScheme<ApiKeyOptions, ApiKeyHandler>(ApiKeyAuthentication.Scheme, null);
builder.Services.AddOptions<ApiKeyOptions>(ApiKeyAuthentication.Scheme).BindConfiguration("RulesAdmin");
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(ApiKeyAuthentication.RulesAdmin, policy => policy.RequireRole(ApiKeyAuthentication.RulesAdmin));

var app = builder.Build();
app.UseAuthentication();
app.UseAuthorization();

app.MapPost("/complaints/analyze", async (HttpRequest request, ComplaintAnalyzer analyzer, ComplaintMonitor monitor, ILogger<Program> logger, CancellationToken cancellationToken) =>
{
    var (body, refused) = await RequestBody.ReadJsonAsync(request, maxBodyBytes, "complaint", logger, cancellationToken);
    if (refused is not null)
    {
        return refused;
    }

    try
    {
        var complaint = ComplaintJson.ParseComplaint(body!);
        var assessment = analyzer.Analyze(complaint);
        monitor.Record(complaint, assessment); // volume, rise and repeat-customer alerts
        return Results.Text(ComplaintJson.Serialize(assessment), "application/json");
    }
    catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid complaint");
    }
});

app.MapPost("/complaints/{id}/outcome", async (string id, HttpRequest request, ComplaintMonitor monitor, ILogger<Program> logger, CancellationToken cancellationToken) =>
{
    var (body, refused) = await RequestBody.ReadJsonAsync(request, maxBodyBytes, "outcome", logger, cancellationToken);
    if (refused is not null)
    {
        return refused;
    }

    try
    {
        // The route names the complaint; a body that names another one is a mistake worth refusing.
        var outcome = ComplaintJson.ParseOutcome(RequestBody.WithComplaintId(body!, id));
        var raised = monitor.RecordOutcome(outcome);
        return Results.Accepted(value: new { complaintId = outcome.ComplaintId, alerts = raised });
    }
    catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid outcome");
    }
});

app.MapGet("/alerts", (ComplaintMonitor monitor) => Results.Ok(monitor.GetActiveAlerts()))
    .RequireAuthorization(ApiKeyAuthentication.RulesAdmin);

app.MapGet("/rules", (FileRuleSetProvider provider) =>
{
    var status = provider.Status;
    return Results.Ok(new
    {
        status.Name,
        status.Version,
        status.Hash,
        status.LoadedAt,
        status.Reloads,
        status.FailedReloads,
        status.LastError,
        status.LastErrorAt,
        ruleCount = provider.Current.RuleCount,
        sources = provider.Current.Sources,
    });
}).RequireAuthorization(ApiKeyAuthentication.RulesAdmin);

app.MapHealthChecks("/health", new HealthCheckOptions
{
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
});
app.MapHealthChecks("/health/rules", new HealthCheckOptions
{
    Predicate = check => check.Name == "complaint-rules",
    ResultStatusCodes =
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    },
});

app.Run();

/// <summary>The web sample's entry point (public for the integration tests).</summary>
public partial class Program;
