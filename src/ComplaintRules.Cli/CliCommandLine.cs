using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace ComplaintRules.Cli;

/// <summary>
/// The grammar of <c>complaint-rules</c>: its commands, their arguments and options, with the checks on each value.
/// An option a command does not have, or a value an option does not take, is an error that names the option.
/// </summary>
internal static class CliCommandLine
{
    /// <summary>The default longest input line of <c>analyze</c>, in characters: a complaint at the library's 100,000-character text limit fits even fully \u-escaped.</summary>
    public const int DefaultMaxLineLength = 1_000_000;

    // Response files (@file) would turn an input path that starts with @ into a list of arguments.
    private static readonly ParserConfiguration s_parser = new() { ResponseFileTokenReplacer = null };

    /// <summary>Parses <paramref name="args"/>; a new tree each time, so parsing never shares state between threads.</summary>
    public static ParseResult Parse(IReadOnlyList<string> args) => CreateRoot().Parse(args, s_parser);

    /// <summary>The root command; the program runs the command a parse names, so no command has an action here.</summary>
    public static RootCommand CreateRoot() => new("complaint-rules: triage customer complaints with JSON rule sets. "
        + "Exit codes: 0 success, 1 a line, rule file or rule test failed or a --min threshold was not met, 2 usage error.")
    {
        Analyze(),
        Explain(),
        Validate(),
        Test(),
        Score(),
        Tune(),
        TieBreak(),
        Suggest(),
        Serve(),
        Outcomes(),
    };

    private static Command Analyze() => new("analyze",
        "One JSON line per complaint ({\"id\", \"text\", ...}) in; one assessment per line out, in input order, on all cores (or N threads). "
        + "At most 32 MiB of lines are in flight, and a line longer than --max-line-length characters is skipped unread. "
        + "Bad and too long lines go to stderr with their number; the batch goes on and exits 1.")
    {
        new Argument<string>("INPUT") { Description = "The input file (JSON lines), or - for standard input." },
        Rules(),
        NoDefault(),
        WholeNumber("--threads", "Threads to analyse on.", minimum: 1, fallback: null, defaultText: "the number of processors"),
        WholeNumber("--max-line-length", "The longest input line, in characters; a longer line is skipped.", minimum: 1, fallback: DefaultMaxLineLength),
        Choice("--output", "full: the whole assessment; compact: the decisions only (causes and conflicts with scores and "
            + "evidence offsets, severity, intensity, step and remedy ids, warnings), no guidance text or trace. Default: full.", "full", "compact"),
    };

    private static Command Explain() => new("explain",
        "A readable report of one complaint: causes with matched phrases highlighted, conflict, severity, steps, remedies, "
        + "and the rules that fired with the facts each read. Give the text in quotes, or --id ID --input INPUT.jsonl.")
    {
        new Argument<string>("TEXT") { Description = "The complaint text.", Arity = ArgumentArity.ZeroOrOne },
        new Option<string>("--language") { Description = "The language of the text (zh or en); detected when not given.", HelpName = "zh|en" },
        new Option<string>("--id") { Description = "The id of the complaint to explain, from --input." },
        new Option<string>("--input") { Description = "The JSON-lines file that holds the complaint --id names.", HelpName = "INPUT.jsonl" },
        Rules(),
        NoDefault(),
        Flag("--all-rules", "List every rule, fired or not."),
        Flag("--no-color", "Mark matched phrases with [[ ]] instead of colour (also when NO_COLOR is set or output is redirected)."),
    };

    private static Command Validate() => new("validate",
        "Checks rule files (layered over the default unless --no-default); every problem as file:line:col, and warnings "
        + "(exit code 0) where a condition can fail at run time, e.g. a division by a value that can be 0.")
    {
        new Argument<string[]>("FILE") { Description = "The rule files, in layering order.", Arity = ArgumentArity.OneOrMore },
        NoDefault(),
        Choice("--format", "The output format.", "text", "json"),
    };

    private static Command Test() => new("test",
        "Runs rule tests (see docs/rule-authoring.md) against the rule files layered over the default; PASS or FAIL per case, "
        + "a failure with the rules that fired, did not, and the facts they read.")
    {
        new Argument<string[]>("RULES") { Description = "The rule files; any file named *.cases.json is a case file.", Arity = ArgumentArity.ZeroOrMore },
        new Option<string[]>("--cases") { Description = "A case file (FILE.cases.json); repeat it, or list more case files after it.", HelpName = "FILE" },
        NoDefault(),
    };

    private static Command Score() => new("score",
        "Agreement with labelled complaints (an \"expect\" object per line, or your columns through --map): accuracy, kappa, "
        + "macro-F1, per-class P/R/F1, confusion, Spearman, the worst misses with the rules that fired. "
        + "--min metrics.primaryCause.accuracy=0.7 exits 1 below it (see docs/measure-and-improve.md).")
    {
        Labelled(),
        Rules(),
        NoDefault(),
        Map(),
        new Option<string[]>("--min") { Description = "A threshold on a number of the JSON report; exit 1 below it. Repeatable.", HelpName = "NAME=VALUE" },
        Choice("--format", "The report format.", "text", "json"),
        WholeNumber("--misses", "How many of the worst misses to show.", minimum: 0, fallback: 10),
    };

    private static Command Tune() => new("tune",
        "Fits the rules' weights, points, priorities and cause threshold to the labels, close to their current values; prints "
        + "k-fold cross-validated scores before and after; writes only the changed numbers as an override layer.")
    {
        Labelled(),
        new Option<string>("--out") { Description = "The override layer to write.", HelpName = "TUNED.rules.json", Required = true },
        Rules(),
        NoDefault(),
        Map(),
        WholeNumber("--folds", "Folds of the cross-validation.", minimum: 0, fallback: 5),
        WholeNumber("--seed", "The seed of the fold split.", minimum: 0, fallback: 1),
        NonNegativeNumber("--penalty", "The cost of a unit of change; the tuner's default when not given."),
        WholeNumber("--passes", "Passes of the coordinate search.", minimum: 0, fallback: 2),
    };

    private static Command TieBreak() => new("tiebreak",
        "Learns gram weights towards each cause from complaints labelled with their primary cause (naive Bayes over word and "
        + "character grams) and writes them as a tieBreak layer: it orders causes whose rule scores are close.")
    {
        new Argument<string[]>("LABELLED") { Description = "Labelled files (JSON lines with an expect object, or your columns with --map).", Arity = ArgumentArity.OneOrMore },
        new Option<string>("--out") { Description = "The layer to write.", HelpName = "TIEBREAK.rules.json", Required = true },
        Map(),
        WholeNumber("--min-count", "The fewest labelled complaints a gram must occur in to be kept.", minimum: 1, fallback: 20),
        NonNegativeNumber("--weight", "The most the tie-break adds to or takes from a cause for ordering (at most 0.5); 0.05 when not given."),
        NonNegativeNumber("--presence", "The most the lean takes from a found cause's score against the threshold: a cause taken below it is dropped (never the last); 0 when not given."),
        NonNegativeNumber("--scale", "The sum of gram weights at which the lean reaches about three quarters of the weight; 5 when not given."),
        NonNegativeNumber("--detect", "Also learn each gram's weight towards a complaint (against no complaint): a text in which the rules find no cause is a complaint when these sum above this. No detection when not given."),
        new Option<string[]>("--lead") { Description = "A cause and a level (venting=7): a complaint of at most 200 characters in which the rules find causes but not this one has it too when its grams' weights towards it lead both other causes' by more than the level. Repeatable.", HelpName = "CAUSE=LEVEL" },
        new Option<string>("--trained-on") { Description = "Where the labels came from, written into the section.", HelpName = "TEXT" },
    };

    private static Command Suggest() => new("suggest",
        "Candidate phrases for a label (word n-grams in English, character n-grams in Chinese) with support, precision and "
        + "lift on held-out folds and the lexicon phrases they overlap; --out writes a lexicon. It never edits rules.")
    {
        Labelled(),
        new Option<string>("--label") { Description = "The label to find phrases for (e.g. conflictType=price).", HelpName = "NAME=VALUE", Required = true },
        Choice("--language", "Only complaints in this language; both when not given.", "zh", "en"),
        WholeNumber("--top", "How many phrases to list.", minimum: 0, fallback: 20),
        new Option<string>("--out") { Description = "Writes the phrases as a lexicon layer.", HelpName = "FILE" },
        Map(),
        Rules(),
        NoDefault(),
        WholeNumber("--min-support", "The fewest held-out complaints a phrase must appear in.", minimum: 0, fallback: 3),
        WholeNumber("--folds", "Folds of the cross-validation.", minimum: 2, fallback: 5),
        WholeNumber("--seed", "The seed of the fold split.", minimum: 0, fallback: 1),
    };

    private static Command Serve() => new("serve",
        "The rule author's workbench, a local web page: analyse a complaint with its evidence highlighted, see why each rule "
        + "fired or not, edit the --rules files with diagnostics as you type, run the cases and score the labelled file. "
        + "Listens on 127.0.0.1 and prints the address; Ctrl+C stops it (see docs/workbench.md).")
    {
        Rules(),
        NoDefault(),
        new Option<string[]>("--cases") { Description = "A case file for the Test tab. Repeatable.", HelpName = "FILE" },
        new Option<string>("--labelled") { Description = "Labelled complaints (JSON lines with an expect object) for the Score tab.", HelpName = "FILE" },
        WholeNumber("--port", "The port; 0 takes a free one.", minimum: 0, fallback: Workbench.WorkbenchOptions.DefaultPort),
        new Option<string>("--listen") { Description = "Listen on this IP address instead of 127.0.0.1; the page then needs the token printed at start.", HelpName = "ADDRESS" },
    };

    private static Command Outcomes() => new("outcomes", "What happened after the assessments: outcomes as JSON lines ({\"complaintId\", \"remediesGiven\", \"resolved\", \"satisfaction\", \"reopened\", \"timeToResolve\"}).")
    {
        new Command("report",
            "Remedy effectiveness: outcomes joined to the assessments analyze wrote, per primary cause and remedy: count, resolved rate, "
            + "mean satisfaction (with the number rated) and reopen rate; rows under --small outcomes are marked. "
            + "A bad line goes to stderr with its number and field; the rest is counted and the exit code is 1.")
        {
            new Option<string>("--assessments") { Description = "The assessments (analyze's output, JSON lines).", HelpName = "A.jsonl", Required = true },
            new Option<string>("--outcomes") { Description = "The outcomes (JSON lines).", HelpName = "O.jsonl", Required = true },
            Choice("--format", "The report format.", "text", "json"),
            WholeNumber("--small", "Rows with fewer outcomes are marked as too few to compare.", minimum: 1, fallback: 5),
            WholeNumber("--max-line-length", "The longest input line, in characters; a longer line is skipped.", minimum: 1, fallback: DefaultMaxLineLength),
        },
    };

    private static Argument<string> Labelled() =>
        new("LABELLED") { Description = "The labelled complaints (JSON lines with an expect object, or your columns with --map)." };

    private static Option<string[]> Rules() =>
        new("--rules") { Description = "A rule file layered over the default (or over the previous --rules). Repeatable.", HelpName = "FILE" };

    private static Option<bool> NoDefault() => Flag("--no-default", "Leave out the embedded default rule set.");

    private static Option<string> Map() =>
        new("--map") { Description = "Maps your export's columns and values to labels.", HelpName = "MAP.json" };

    private static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    private static Option<string> Choice(string name, string description, params string[] values)
    {
        var option = new Option<string>(name) { Description = description, HelpName = string.Join('|', values) };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{name} must be {string.Join(" or ", values)}, not '{value}'");
            }
        });
        return option;
    }

    // Invariant digits only: "1,000", "+3" and "٣" are refused, whatever the machine's culture.
    private static Option<int?> WholeNumber(string name, string description, int minimum, int? fallback, string? defaultText = null) => new(name)
    {
        // The generated help shows "[default: N]" for a default value; one without (the processor count) is said here.
        Description = defaultText is null ? description : $"{description} Default: {defaultText}.",
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (text is null)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number of at least {minimum}, not '{text}'");
            return null;
        },
    };

    private static Option<double?> NonNegativeNumber(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "P",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value))
            {
                return value;
            }

            result.AddError($"{name} must be a number of at least 0, not '{text}'");
            return null;
        },
    };
}
