using ComplaintRules;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

// complaint-rules: analyze complaints, explain one, validate rule files.
Console.OutputEncoding = System.Text.Encoding.UTF8;
try
{
    var args2 = new CliArguments(args);
    return args2.Command switch
    {
        "analyze" => await AnalyzeCommand.RunAsync(args2, Console.In, Console.Out, Console.Error),
        "explain" => ExplainCommand.Run(args2, Console.Out, Console.Error),
        "validate" => ValidateCommand.Run(args2, Console.Out, Console.Error),
        "evaluate" => EvaluateCommand.Run(args2, Console.Out, Console.Error),
        "--version" or "version" => Version(),
        null or "help" or "--help" or "-h" => Help(0),
        _ => Unknown(args2.Command),
    };
}
catch (CliUsageException ex)
{
    await Console.Error.WriteLineAsync($"complaint-rules: {ex.Message}");
    await Console.Error.WriteLineAsync("Run 'complaint-rules --help' for usage.");
    return 2;
}
catch (RuleSetException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

static int Version()
{
    Console.WriteLine(typeof(ComplaintRules.ComplaintAnalyzer).Assembly.GetName().Version);
    return 0;
}

static int Unknown(string command)
{
    Console.Error.WriteLine($"complaint-rules: unknown command '{command}'.");
    return Help(2);
}

static int Help(int exitCode)
{
    var text = """
        complaint-rules — triage customer complaints with JSON rule sets

        Usage:
          complaint-rules analyze INPUT.jsonl|- [--rules FILE]... [--no-default]
              One JSON line per complaint ({"id", "text", ...}) in; one assessment per line out, in input order.
          complaint-rules explain "TEXT" [--language zh|en] [--rules FILE]... [--no-default]
          complaint-rules explain --id ID --input INPUT.jsonl [--rules FILE]... [--no-default]
              A readable report: causes with matched phrases highlighted, conflict, severity, steps, remedies, rules fired.
          complaint-rules validate FILE... [--no-default] [--format text|json]
              Checks rule files (layered over the default unless --no-default); every problem as file:line:col.
          complaint-rules evaluate --dev-data DIR [--rules FILE]... [--no-default]
              Scores the rule set on a labelled development folder.

        Exit codes: 0 success, 1 a line or rule file failed, 2 usage error.
        """;
    (exitCode == 0 ? Console.Out : Console.Error).WriteLine(text);
    return exitCode;
}
