// A Generic Host console app: reads complaints from a JSON Lines file, analyses each with the injected
// ComplaintAnalyzer and logs a summary. Usage: dotnet run --project samples/HostedConsole -- samples/complaints.jsonl
using ComplaintRules;
using ComplaintRules.Samples.HostedConsole;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddOptions<ComplaintRulesOptions>().BindConfiguration(ComplaintRulesOptions.SectionName);
builder.Services.AddComplaintRules();
builder.Services.AddHostedService<ComplaintBatchService>();
builder.Services.Configure<BatchOptions>(o => o.InputPath = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "samples/complaints.jsonl");

await builder.Build().RunAsync();
