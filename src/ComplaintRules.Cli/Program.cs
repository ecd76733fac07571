using ComplaintRules;
using ComplaintRules.Cli;
using ComplaintRules.Cli.Commands;

// complaint-rules: analyze complaints, explain one, validate rule files.
Console.OutputEncoding = System.Text.Encoding.UTF8;
try
{
    var arguments = new CliArguments(args);
    return arguments.Command switch
    {
        "analyze" => await AnalyzeBufferedAsync(arguments),
        "explain" => ExplainCommand.Run(arguments, Console.Out, Console.Error),
        "validate" => ValidateCommand.Run(arguments, Console.Out, Console.Error),
        "test" => TestCommand.Run(arguments, Console.Out, Console.Error),
        "score" => ScoreCommand.Run(arguments, Console.Out, Console.Error),
        "tune" => TuneCommand.Run(arguments, Console.Out, Console.Error),
        "suggest" => SuggestCommand.Run(arguments, Console.Out, Console.Error),
        "--version" or "version" => Version(),
        null or "help" or "--help" or "-h" => Help(0),
        _ => Unknown(arguments.Command),
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

// Console.Out flushes on every write; a batch writes UTF-8 through one large buffer instead.
static async Task<int> AnalyzeBufferedAsync(CliArguments args)
{
    await using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
    using var stdin = new StreamReader(Console.OpenStandardInput(), System.Text.Encoding.UTF8, true, 1 << 16);
    return await AnalyzeCommand.RunAsync(args, stdin, stdout, Console.Error);
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
          complaint-rules analyze INPUT.jsonl|- [--rules FILE]... [--no-default] [--threads N] [--max-line-length N]
              One JSON line per complaint ({"id", "text", ...}) in; one assessment per line out, in input order,
              on all cores (or N threads). Memory is bounded by bytes: at most 32 MiB of lines in flight, and a
              line longer than N characters (default 1,000,000) is skipped unread. Bad and too long lines go to
              stderr with their number; the batch goes on and exits 1.
          complaint-rules explain "TEXT" [--language zh|en] [--rules FILE]... [--no-default] [--all-rules]
          complaint-rules explain --id ID --input INPUT.jsonl [--rules FILE]... [--no-default] [--all-rules]
              A readable report: causes with matched phrases highlighted, conflict, severity, steps, remedies, and
              the rules that fired with the facts each read (--all-rules: every rule, fired or not).
          complaint-rules validate FILE... [--no-default] [--format text|json]
              Checks rule files (layered over the default unless --no-default); every problem as file:line:col,
              and warnings (exit code 0) where a condition can fail at run time, e.g. a division by a value that can be 0.
          complaint-rules test [RULES...] --cases FILE.cases.json... [--no-default]
              Runs rule tests (see docs/rule-authoring.md) against the rule files layered over the default;
              PASS or FAIL per case, a failure with the rules that fired, did not, and the facts they read.
          complaint-rules score LABELLED.jsonl [--rules FILE]... [--no-default] [--map MAP.json] [--min NAME=VALUE]...
                                [--format text|json] [--misses N]
              Agreement with labelled complaints (an "expect" object per line, or your columns through --map):
              accuracy, kappa, macro-F1, per-class P/R/F1, confusion, Spearman, the worst misses with the rules
              that fired. --min metrics.primaryCause.accuracy=0.7 exits 1 below it (see docs/measure-and-improve.md).
          complaint-rules tune LABELLED.jsonl --out TUNED.rules.json [--rules FILE]... [--no-default] [--map MAP.json]
                               [--folds K] [--seed S] [--penalty P] [--passes N]
              Fits the rules' weights, points, priorities and cause threshold to the labels, close to their current
              values; prints k-fold cross-validated scores before and after; writes only the changed numbers as an
              override layer.
          complaint-rules suggest LABELLED.jsonl --label NAME=VALUE [--language zh|en] [--top N] [--out FILE]
                                  [--map MAP.json] [--rules FILE]... [--min-support N] [--folds K] [--seed S]
              Candidate phrases for a label (word n-grams in English, character n-grams in Chinese) with support,
              precision and lift on held-out folds and the lexicon phrases they overlap; --out writes a lexicon.

        Exit codes: 0 success, 1 a line, rule file or rule test failed or a --min threshold was not met, 2 usage error.
        """;
    (exitCode == 0 ? Console.Out : Console.Error).WriteLine(text);
    return exitCode;
}
