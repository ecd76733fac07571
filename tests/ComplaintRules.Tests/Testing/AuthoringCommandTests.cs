using System.Text.Json;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;
using static ComplaintRules.Tests.TestRuleFiles;

namespace ComplaintRules.Tests.Testing;

/// <summary>The rule author's commands: test, validate and explain.</summary>
public sealed class AuthoringCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("complaint-rules-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Test_prints_pass_or_fail_per_case_and_exits_1_on_a_failure()
    {
        var cases = Write("a.cases.json", """
            { "cases": [
              { "name": "venting", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "venting" } },
              { "name": "wrong", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "expectation" } } ] }
            """);
        var stdout = new StringWriter();

        var exit = TestCommand.Run(new CliArguments(["test", PathOf("basic.rules.json"), "--no-default", "--cases", cases]), stdout, new StringWriter());

        var output = stdout.ToString();
        Assert.Equal(1, exit);
        Assert.Contains("PASS  venting", output, StringComparison.Ordinal);
        Assert.Contains($"FAIL  wrong ({cases}:3)", output, StringComparison.Ordinal);
        Assert.Contains("c.anger → venting   Count(\"anger\")=1", output, StringComparison.Ordinal);
        Assert.Contains("1 passed, 1 failed, 0 pending", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_takes_several_case_files_after_one_cases_option_and_exits_0_when_all_pass()
    {
        var a = Write("a.cases.json", """{ "cases": [ { "name": "a", "complaint": { "text": "I am angry!!!" }, "expect": { "primaryCause": "venting" } } ] }""");
        var b = Write("b.cases.json", """{ "cases": [ { "name": "b", "complaint": { "text": "hello" }, "expect": { "causesAbsent": ["venting"] } } ] }""");
        var stdout = new StringWriter();

        var exit = TestCommand.Run(new CliArguments(["test", "--no-default", PathOf("basic.rules.json"), "--cases", a, b]), stdout, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("2 passed, 0 failed", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_reports_an_unreadable_case_file_with_positions()
    {
        const string json = """{ "cases": [ { "name": "x", "complaint": { "txet": "hi" }, "expect": { "primaryCause": "none" } } ] }""";
        var bad = Write("bad.cases.json", json);
        var stderr = new StringWriter();

        var exit = TestCommand.Run(new CliArguments(["test", "--cases", bad]), new StringWriter(), stderr);

        Assert.Equal(1, exit);
        Assert.Contains($"{bad}:1:{json.IndexOf("\"txet\"", StringComparison.Ordinal) + 1}: error CR0010: unknown member 'txet'; did you mean 'text'?", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Test_without_cases_is_a_usage_error()
    {
        Assert.Throws<CliUsageException>(() => TestCommand.Run(new CliArguments(["test", PathOf("basic.rules.json")]), TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void Validate_in_json_lists_every_problem_for_editors()
    {
        var stdout = new StringWriter();

        var exit = ValidateCommand.Run(new CliArguments(["validate", "--no-default", PathOf("Invalid/many-errors.rules.json"), "--format", "json"]), stdout, new StringWriter());

        Assert.Equal(1, exit);
        var items = JsonDocument.Parse(stdout.ToString()).RootElement.EnumerateArray().ToList();
        Assert.Equal(7, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("line").GetInt32() > 0 && i.GetProperty("column").GetInt32() > 0));
        Assert.Equal("bad.cause", items[0].GetProperty("ruleId").GetString());
        Assert.All(items, i => Assert.Matches("^CR0[0-9]{3}$", i.GetProperty("code").GetString()));
        Assert.All(items, i => Assert.Equal("error", i.GetProperty("severity").GetString()));
    }

    [Fact]
    public void Explain_lists_fired_rules_with_their_facts_and_all_rules_on_request()
    {
        var compact = new StringWriter();
        var full = new StringWriter();

        ExplainCommand.Run(new CliArguments(["explain", "I am angry!!!", "--rules", PathOf("basic.rules.json"), "--no-default", "--no-color"]), compact, TextWriter.Null);
        ExplainCommand.Run(new CliArguments(["explain", "I am angry!!!", "--rules", PathOf("basic.rules.json"), "--no-default", "--no-color", "--all-rules"]), full, TextWriter.Null);

        Assert.Contains("c.anger", compact.ToString(), StringComparison.Ordinal);
        Assert.Contains("Count(\"anger\")=1", compact.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c.expect", compact.ToString(), StringComparison.Ordinal);
        Assert.Contains("[x] c.anger", full.ToString(), StringComparison.Ordinal);
        Assert.Contains("[ ] c.expect", full.ToString(), StringComparison.Ordinal);
        Assert.Contains("[[angry]]", full.ToString(), StringComparison.Ordinal);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_temp, name);
        File.WriteAllText(path, content);
        return path;
    }
}
