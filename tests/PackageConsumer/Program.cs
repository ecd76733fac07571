// Checks the packages as a consumer gets them: the core with the embedded default rule set and no hosting
// dependency, the DI extensions, the testing package, the Redis windows, and the READMEs' C# snippets (generated into
// ReadmeSnippets.g.cs by .ci/run, so they cannot rot).
using ComplaintRules;
using ComplaintRules.Testing;
using Microsoft.Extensions.DependencyInjection;

var failures = new List<string>();
void Check(bool ok, string what)
{
    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} {what}");
    if (!ok)
    {
        failures.Add(what);
    }
}

var analyzer = new ComplaintAnalyzer();
var assessment = analyzer.Analyze(new Complaint { Id = "p-1", Text = "You charged my card twice. I want a refund or I will complain to the CFPB." });
Check(analyzer.RuleSet.RuleCount > 0, $"embedded default rule set loads ({analyzer.RuleSet})");
Check(assessment.PrimaryCause == RootCause.RightsClaim, $"default rules find the rights claim (got {assessment.PrimaryCause})");
if (System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier == "linux-x64")
{
    // The package's ReadyToRun build for this platform, not the IL of lib/: the host picks it by runtime identifier.
    var location = typeof(ComplaintAnalyzer).Assembly.Location.Replace('\\', '/');
    Check(location.Contains("/runtimes/linux-x64/lib/", StringComparison.Ordinal), $"linux-x64 loads the ReadyToRun library ({location})");
}

using (var services = new ServiceCollection().AddComplaintRules().Services.BuildServiceProvider())
{
    var injected = services.GetRequiredService<ComplaintAnalyzer>();
    Check(injected.Analyze(new Complaint { Id = "p-2", Text = "说好的免年费，结果还是扣了年费！" }).Language == "zh", "DI extensions resolve an analyzer");
}

// No Redis listens on port 1: the monitor still records, from its local windows, and its health says so.
using (var services = new ServiceCollection().AddComplaintRules().UseRedisWindows(o => o.Configuration = "127.0.0.1:1,connectTimeout=500").Services.BuildServiceProvider())
{
    var monitor = services.GetRequiredService<ComplaintMonitor>();
    var recorded = monitor.Record(new Complaint { Id = "p-3", Text = "x" }, assessment);
    var store = services.GetRequiredService<ComplaintRules.Redis.RedisAlertWindowStore>();
    Check(monitor.SharedWindows == store && recorded is not null && !store.IsAvailable, "ComplaintRules.Redis: UseRedisWindows falls back to local windows while Redis is unreachable");
}

var cases = RuleTestCaseFile.Parse("""{ "cases": [ { "name": "refund", "complaint": { "text": "I demand a refund." }, "expect": { "primaryCause": "rights_claim" } } ] }""");
Check(new RuleCaseRunner(ComplaintRuleSet.Default).RunAll(cases).All(r => r.Passed), "ComplaintRules.Testing runs a rule case");

// The JSON Schema ships in the package (schema/), for editors; .ci/run passes the restored package's folder.
if (args.Length > 0)
{
    // The core names no hosting package: a host that only wants new ComplaintAnalyzer() does not pull the stack.
    var nuspec = File.ReadAllText(Path.Combine(args[0], "complaintrules.nuspec"));
    Check(!nuspec.Contains("Microsoft.Extensions", StringComparison.Ordinal), "the ComplaintRules package depends on no Microsoft.Extensions package");

    var schema = Path.Combine(args[0], "schema", "complaint-rules.schema.json");
    using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(schema));
    Check(document.RootElement.GetProperty("properties").TryGetProperty("lexicons", out _), $"the package carries the rule-set schema ({Path.GetFileName(schema)})");
}

ReadmeSnippets.Run(Check);

Console.WriteLine(failures.Count == 0 ? "package consumer: all checks passed" : $"package consumer: {failures.Count} check(s) failed");
return failures.Count == 0 ? 0 : 1;
