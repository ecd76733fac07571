using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Cli;

/// <summary><c>score</c>: exit codes of <c>--min</c>, bad lines, maps and usage errors.</summary>
public sealed class ScoreCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("score-").FullName;

    // With basic.rules.json: a and b are right on primary cause, c is wrong (accuracy 2/3).
    private const string Labelled = """
        {"id": "a", "text": "I was promised a refund.", "expect": {"primaryCause": "expectation"}}
        {"id": "b", "text": "I am angry about the fee", "expect": {"primaryCause": "venting"}}
        {"id": "c", "text": "It was slow", "expect": {"primaryCause": "expectation"}}
        """;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ScoreCommand.Run(new CliArguments(["score", .. args, "--rules", PathOf("basic.rules.json"), "--no-default"]), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Min_thresholds_pass_with_exit_zero_and_fail_with_exit_one()
    {
        var file = Write("labelled.jsonl", Labelled);

        Assert.Equal(0, Run(file, "--min", "metrics.primaryCause.accuracy=0.66").Exit);
        var below = Run(file, "--min", "metrics.primaryCause.accuracy=0.7", "--min", "metrics.primaryCause.n=3");
        Assert.Equal(1, below.Exit);
        Assert.Contains("metrics.primaryCause.accuracy = 0.6667 is below the minimum 0.7", below.Err, StringComparison.Ordinal);
        Assert.Equal(1, Run(file, "--min", "metrics.conflictType.accuracy=0").Exit); // not measured: no line labels it
    }

    [Theory]
    [InlineData("--min", "accuracy")]
    [InlineData("--min", "metrics.primaryCause.accuracy=high")]
    [InlineData("--min", "primaryCause.accuracy=0.5")]
    [InlineData("--format", "xml")]
    [InlineData("--misses", "-1")]
    [InlineData("--map", "no-such.map.json")]
    public void A_bad_option_is_a_usage_error(string option, string value)
    {
        var file = Write("labelled.jsonl", Labelled);

        Assert.Throws<CliUsageException>(() => Run(file, option, value));
    }

    [Fact]
    public void A_missing_file_and_a_malformed_map_are_usage_errors()
    {
        Assert.Throws<CliUsageException>(() => Run(Path.Combine(_dir, "nothing.jsonl")));
        var map = Write("bad.map.json", """{"expect": {"mood": "x"}}""");
        Assert.Throws<CliUsageException>(() => Run(Write("l.jsonl", Labelled), "--map", map));
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_number_and_exit_one_while_the_rest_is_scored()
    {
        var file = Write("labelled.jsonl", Labelled + "\n{\"id\": \"d\", \"text\": \"x\", \"expect\": {\"primaryCause\": \"anger\"}}\n");

        var (exit, output, errors) = Run(file, "--format", "json");

        Assert.Equal(1, exit);
        Assert.Contains($"{file}:4: expect.primaryCause 'anger'", errors, StringComparison.Ordinal);
        Assert.Contains("\"rows\": 3", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_map_scores_an_export_with_its_own_columns()
    {
        var file = Write("export.jsonl", """
            {"ticket": "1", "body": "I am angry about the fee", "category": "费用争议"}
            {"ticket": "2", "body": "It was slow", "category": "服务态度"}
            {"ticket": "3", "body": "Hello", "category": "其他"}
            """);
        var map = Write("export.map.json", """
            {
              "complaint": { "id": "ticket", "text": "body" },
              "expect": { "conflictType": { "column": "category", "values": { "费用争议": "price", "服务态度": "service_quality", "其他": "other" } } }
            }
            """);

        var (exit, output, _) = Run(file, "--map", map, "--min", "metrics.conflictType.accuracy=1");

        Assert.Equal(0, exit);
        Assert.Contains("Conflict type (3 complaints)   accuracy 1.000", output, StringComparison.Ordinal);
    }
}

/// <summary>The exit codes of <c>score --min</c> as a CI job sees them: the real tool in its own process.</summary>
public sealed class ScoreExitCodeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("score-exit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<int> Exit(params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "complaint-rules.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        // Drain both pipes, so the tool never blocks on a full one.
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
        return process.ExitCode;
    }

    [Fact]
    public async Task Min_exits_0_when_met_1_when_below_and_2_on_a_usage_error()
    {
        var file = Path.Combine(_dir, "labelled.jsonl");
        File.WriteAllText(file, """{"id": "a", "text": "I was promised a refund.", "expect": {"primaryCause": "expectation"}}""");
        string[] rules = ["--rules", PathOf("basic.rules.json"), "--no-default"];

        Assert.Equal(0, await Exit(["score", file, .. rules, "--min", "metrics.primaryCause.accuracy=1"]));
        Assert.Equal(1, await Exit(["score", file, .. rules, "--min", "metrics.primaryCause.accuracy=1.01"]));
        Assert.Equal(2, await Exit(["score", file, .. rules, "--min", "metrics.primaryCause.accuracy"]));
    }
}
