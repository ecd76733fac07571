using System.Globalization;
using System.Text;
using ComplaintRules;
using ComplaintRules.DevEval;
using ComplaintRules.Testing;

// The development numbers of the rule set, separately for the train and validation splits of the development
// folder (see its README: tune on train, measure on validation). Usage:
//   dotnet run --project eval/ComplaintRules.DevEval -c Release -- [DEV-DATA-DIR] [--rules FILE]... [--no-default]
//       [--format text|json] [--misses N [--split train]] [--show-validation-misses] [--export DIR]
// DEV-DATA-DIR defaults to ../shared/dev-data beside the repository root.
Console.OutputEncoding = Encoding.UTF8;
try
{
    var options = Options.Parse(args);
    var ruleSet = ComplaintRuleSet.LoadFiles(options.RuleFiles, includeDefault: !options.NoDefault);
    var data = DevData.Load(options.DataDirectory, options.MapDirectory);
    var scorer = new ComplaintScorer(ruleSet);
    var reports = new Dictionary<string, Dictionary<string, ScoreReport>>(StringComparer.Ordinal);
    foreach (var split in Report.Splits)
    {
        reports[split] = data.ToDictionary(g => g.Key, g => scorer.Score(InSplit(g.Value, split), misses: 0), StringComparer.Ordinal);
        // The root-cause rows once more per source file, so a gap between the splits can be placed.
        foreach (var file in DevData.RootCauseSources)
        {
            reports[split][Report.BySource(file)] = scorer.Score(InSplit(data["rootcause"].Where(r => r.File == file).ToList(), split), misses: 0);
        }
    }

    Console.Write(options.Json ? Report.Json(ruleSet, reports) : Report.Table(ruleSet, options.DataDirectory, reports));
    if (options.ExportDirectory is { } export)
    {
        Export(export, data);
    }

    if (options.Misses > 0)
    {
        Console.Write(Report.Misses(scorer, data, options.MissSplit, options.Misses));
    }

    return 0;
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"dev-eval: {ex.Message}");
    return 2;
}
catch (RuleSetException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

// score input per split and group, and per split for every group together (a row labelled in two groups appears twice).
static void Export(string directory, Dictionary<string, List<DevComplaint>> data)
{
    Directory.CreateDirectory(directory);
    foreach (var split in new[] { "train", "validation" })
    {
        var all = new List<string>();
        foreach (var (group, rows) in data)
        {
            var lines = InSplit(rows, split).Select(LabelledComplaintFile.Format).ToList();
            File.WriteAllLines(Path.Combine(directory, $"{split}.{group}.jsonl"), lines);
            all.AddRange(lines);
        }

        File.WriteAllLines(Path.Combine(directory, $"{split}.jsonl"), all);
    }

    Console.Error.WriteLine($"wrote score input to {directory}: train.jsonl, validation.jsonl and one file per split and group");
}

static IEnumerable<LabelledComplaint> InSplit(List<DevComplaint> rows, string split) =>
    rows.Where(r => split == "all" || r.Split == split).Select(r => r.Labelled);

/// <summary>The command line.</summary>
internal sealed record Options(string DataDirectory, string MapDirectory, IReadOnlyList<string> RuleFiles, bool NoDefault, bool Json, int Misses, string MissSplit,
    string? ExportDirectory)
{
    public static Options Parse(string[] args)
    {
        string? data = null;
        string? export = null;
        var maps = Path.Combine(AppContext.BaseDirectory, "maps");
        var rules = new List<string>();
        bool noDefault = false, json = false, showValidation = false;
        var misses = 0;
        var missSplit = "train";
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--rules": rules.Add(Value()); break;
                case "--no-default": noDefault = true; break;
                case "--maps": maps = Value(); break;
                case "--format": json = Value() switch { "json" => true, "text" => false, var f => throw new UsageException($"--format must be text or json, not '{f}'") }; break;
                case "--misses":
                    misses = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException("--misses takes a whole number");
                    break;
                case "--split": missSplit = Value(); break;
                case "--show-validation-misses": showValidation = true; break;
                case "--export": export = Value(); break;
                case var a when a.StartsWith("--", StringComparison.Ordinal): throw new UsageException($"unknown option '{a}'");
                default: data = data is null ? args[i] : throw new UsageException("one development folder only"); break;
            }
        }

        if (missSplit is not ("train" or "validation" or "all"))
        {
            throw new UsageException($"--split must be train or validation, not '{missSplit}'");
        }

        // Validation rows measure the rule set only while nobody tunes on them one by one.
        if (misses > 0 && missSplit != "train" && !showValidation)
        {
            throw new UsageException("individual misses are shown for --split train only; validation gives aggregates (add --show-validation-misses to override)");
        }

        if (noDefault && rules.Count == 0)
        {
            throw new UsageException("--no-default needs at least one --rules FILE");
        }

        data ??= Path.Combine(RepositoryRoot(), "..", "shared", "dev-data");
        if (!Directory.Exists(data))
        {
            throw new UsageException($"development folder '{data}' does not exist (pass it as the first argument)");
        }

        if (!Directory.Exists(maps))
        {
            throw new UsageException($"map folder '{maps}' does not exist (--maps DIR)");
        }

        // The development texts must never land in the repository.
        if (export is not null && FindRepositoryRoot() is { } root
            && (Path.GetFullPath(export) + Path.DirectorySeparatorChar).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new UsageException($"--export must be outside the repository ({root}): the development texts stay out of it");
        }

        return new Options(Path.GetFullPath(data), maps, rules, noDefault, json, misses, missSplit, export);
    }

    private static string RepositoryRoot() =>
        FindRepositoryRoot() ?? throw new UsageException("run from inside the repository, or pass the development folder as the first argument");

    // The folder holding ComplaintRules.sln, searched upwards from the working directory, then from the program.
    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ComplaintRules.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }
}

/// <summary>The command line is wrong.</summary>
internal sealed class UsageException(string message) : Exception(message);
