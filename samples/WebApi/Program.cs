// An ASP.NET Core minimal API over ComplaintRules:
//   POST /complaints/analyze  {"id": "...", "text": "..."}, Content-Type: application/json (415 otherwise), at most
//                             ComplaintApi:MaxRequestBodyBytes (1 MiB: a 100,000-character complaint fits even
//                             fully \u-escaped; 413 beyond) -> the assessment, in the same JSON as the CLI prints
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

app.MapPost("/complaints/analyze", async (HttpRequest request, ComplaintAnalyzer analyzer, ILogger<Program> logger, CancellationToken cancellationToken) =>
{
    // Only JSON: a browser can send text/plain or a form cross-origin without a preflight.
    if (!request.HasJsonContentType())
    {
        RequestBody.LogNotJson(logger, request.Method, request.Path, request.ContentType);
        return Results.Problem("Send the complaint as JSON with 'Content-Type: application/json'.",
            statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type");
    }

    if (await RequestBody.ReadUtf8Async(request, maxBodyBytes, cancellationToken) is not { } body)
    {
        RequestBody.LogTooLarge(logger, request.Method, request.Path, maxBodyBytes);
        return Results.Problem($"A complaint is at most {maxBodyBytes} bytes of JSON.",
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "Complaint too large");
    }

    try
    {
        return Results.Text(ComplaintJson.Serialize(analyzer.Analyze(ComplaintJson.ParseComplaint(body))), "application/json");
    }
    catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid complaint");
    }
});

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
