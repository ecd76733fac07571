// An ASP.NET Core minimal API over ComplaintRules:
//   POST /complaints/analyze   {"id": "...", "text": "..."}  -> the assessment, in the same JSON as the CLI prints
//   GET  /rules                                               -> the rule set serving now and the last reload error
//   GET  /health                                              -> healthy, or degraded after a failed reload
// The rule file in rules/ is layered over the default and reloaded when it changes.
using ComplaintRules;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOptions<ComplaintRulesOptions>().BindConfiguration(ComplaintRulesOptions.SectionName);
builder.Services.AddComplaintRules();
builder.Services.AddHealthChecks().AddCheck<ComplaintRulesHealthCheck>("complaint-rules");

var app = builder.Build();

app.MapPost("/complaints/analyze", async (HttpRequest request, ComplaintAnalyzer analyzer) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync();
    Complaint complaint;
    try
    {
        complaint = ComplaintJson.ParseComplaint(body);
    }
    catch (System.Text.Json.JsonException ex)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid complaint");
    }

    try
    {
        return Results.Text(ComplaintJson.Serialize(analyzer.Analyze(complaint)), "application/json");
    }
    catch (ArgumentException ex)
    {
        return Results.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid complaint");
    }
});

app.MapGet("/rules", (ComplaintRuleSetProvider provider) =>
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
});

app.MapHealthChecks("/health");

app.Run();

/// <summary>The web sample's entry point (public for the integration tests).</summary>
public partial class Program;
