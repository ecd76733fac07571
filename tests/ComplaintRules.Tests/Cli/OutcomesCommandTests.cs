using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using ComplaintRules.Tests.Schema;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>outcomes report</c> on synthetic files: counts per cause and remedy, small cells marked, bad lines named.</summary>
public sealed class OutcomesCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("outcomes-").FullName;

    // Assessments as analyze writes them; only id and primaryCause are read.
    private const string Assessments = """
        {"id": "c1", "primaryCause": "rights_claim", "severity": "serious"}
        {"id": "c2", "primaryCause": "rights_claim"}
        {"id": "c3", "primaryCause": "rights_claim"}
        {"id": "c4", "primaryCause": "venting"}
        {"id": "c5", "primaryCause": "venting"}
        """;

    private const string Outcomes = """
        {"complaintId": "c1", "remediesGiven": ["refund"], "resolved": true, "satisfaction": 5}
        {"complaintId": "c2", "remediesGiven": ["refund", "private_apology"], "resolved": true, "satisfaction": 4, "timeToResolve": "1.00:00:00"}
        {"complaintId": "c3", "remediesGiven": ["refund"], "resolved": false, "satisfaction": 2, "reopened": true}
        {"complaintId": "c4", "remediesGiven": ["private_apology"], "resolved": true}
        {"complaintId": "c5", "remediesGiven": [], "resolved": false, "satisfaction": 1}
        {"complaintId": "c9", "remediesGiven": ["refund"], "resolved": true, "satisfaction": 3}
        """;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await OutcomesCommand.RunReportAsync(new CliArguments(["outcomes", "report", .. args]), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task The_report_counts_each_remedy_per_primary_cause()
    {
        var (exit, output, err) = await RunAsync("--assessments", Write("a.jsonl", Assessments), "--outcomes", Write("o.jsonl", Outcomes), "--format", "json");

        Assert.Equal(0, exit);
        Assert.Empty(err);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(6, report.RootElement.GetProperty("outcomes").GetInt32());
        Assert.Equal(1, report.RootElement.GetProperty("withoutAssessment").GetInt32());
        var refund = report.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("cause").GetString() == "rights_claim" && r.GetProperty("remedy").GetString() == "refund");
        Assert.Equal(3, refund.GetProperty("count").GetInt32());
        Assert.Equal(2, refund.GetProperty("resolved").GetInt32());
        Assert.Equal(0.6667, refund.GetProperty("resolvedRate").GetDouble());
        Assert.Equal(3.6667, refund.GetProperty("meanSatisfaction").GetDouble());
        Assert.Equal(0.3333, refund.GetProperty("reopenRate").GetDouble());
        var apology = report.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("cause").GetString() == "venting" && r.GetProperty("remedy").GetString() == "private_apology");
        Assert.Equal(0, apology.GetProperty("rated").GetInt32());
        Assert.Equal(JsonValueKind.Null, apology.GetProperty("meanSatisfaction").ValueKind);
    }

    [Fact]
    public async Task The_text_report_shows_counts_and_marks_small_cells()
    {
        var text = (await RunAsync("--assessments", Write("a.jsonl", Assessments), "--outcomes", Write("o.jsonl", Outcomes), "--small", "3")).Out;

        Assert.Contains("6 outcomes, 5 joined to an assessment, 1 without one", text, StringComparison.Ordinal);
        Assert.Matches(@"rights_claim\s+refund\s+3 \s+67%\s+3\.67 \(3\)\s+33%", text);
        Assert.Matches(@"rights_claim\s+private_apology\s+1\*", text);
        Assert.Matches(@"venting\s+none\s+1\*\s+0%\s+1\.00 \(1\)", text);
        Assert.Matches(@"unassessed\s+refund\s+1\*", text);
        Assert.Contains("* fewer than 3 outcomes", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_line_is_named_with_its_number_and_field_and_the_rest_is_counted()
    {
        var outcomes = Write("o.jsonl", Outcomes + "\n" + """
            {"complaintId": "c1", "resolved": true, "satisfaction": 9}
            not json

            {"complaintId": "c2", "resolved": true, "remediesGiven": "refund"}
            """);
        var assessments = Write("a.jsonl", Assessments + "\n{\"id\": \"c6\", \"primaryCause\": \"anger\"}");

        var (exit, output, err) = await RunAsync("--assessments", assessments, "--outcomes", outcomes);

        Assert.Equal(1, exit);
        Assert.Contains($"{outcomes}:7: field 'satisfaction' must be a whole number from 1 to 5", err, StringComparison.Ordinal);
        Assert.Contains($"{outcomes}:8: not valid JSON", err, StringComparison.Ordinal);
        Assert.Contains($"{outcomes}:10: field 'remediesGiven' must be a list", err, StringComparison.Ordinal);
        Assert.Contains($"{assessments}:6: field 'primaryCause' must be one of", err, StringComparison.Ordinal);
        Assert.Contains("4 line(s) failed", err, StringComparison.Ordinal);
        Assert.Contains("6 outcomes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_are_usage_errors()
    {
        var outcomes = Write("o.jsonl", Outcomes);

        var ex = await Assert.ThrowsAsync<CliUsageException>(() => RunAsync("--assessments", Path.Combine(_dir, "none.jsonl"), "--outcomes", outcomes));
        Assert.Contains("--assessments file", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<CliUsageException>(() => RunAsync("--outcomes", outcomes));
    }

    [Fact]
    public async Task The_sample_outcomes_file_reads_without_errors()
    {
        var complaints = RepositoryFiles.PathOf("samples/outcome-complaints.jsonl");
        var analyzer = new ComplaintAnalyzer();
        var assessments = Write("a.jsonl", string.Join('\n', File.ReadLines(complaints).Select(l => ComplaintJson.Serialize(analyzer.Analyze(ComplaintJson.ParseComplaint(l))))));

        var (exit, output, err) = await RunAsync("--assessments", assessments, "--outcomes", RepositoryFiles.PathOf("samples/outcomes.jsonl"));

        Assert.Equal(0, exit);
        Assert.Empty(err);
        Assert.Contains("62 outcomes, 60 joined to an assessment, 2 without one", output, StringComparison.Ordinal);
    }
}
