using System.Globalization;
using System.Text.Json;
using ComplaintRules.Cli.Evaluation;

namespace ComplaintRules.Cli.Commands;

/// <summary><c>evaluate --dev-data DIR</c>: scores the rule set on a labelled development folder.</summary>
internal static class EvaluateCommand
{
    public static int Run(CliArguments args, TextWriter stdout, TextWriter stderr)
    {
        var directory = args.Single("--dev-data") ?? (args.Positional.Count == 1 ? args.Positional[0] : null)
            ?? throw new CliUsageException("evaluate needs --dev-data DIR");
        var format = args.Single("--format") ?? "text";
        if (format is not ("text" or "json"))
        {
            throw new CliUsageException($"--format must be text or json, not '{format}'");
        }

        var missLimit = 10;
        if (args.Single("--misses") is { } misses && (!int.TryParse(misses, NumberStyles.None, CultureInfo.InvariantCulture, out missLimit)))
        {
            throw new CliUsageException($"--misses must be a whole number, not '{misses}'");
        }

        var data = DevDataset.Load(directory);
        var report = DevEvaluator.Evaluate(new ComplaintAnalyzer(args.LoadRuleSet()), data);
        if (format == "json")
        {
            var trimmed = report with { Misses = [.. Worst(report.Misses, missLimit)] };
            stdout.WriteLine(JsonSerializer.Serialize(trimmed, JsonOptions));
        }
        else
        {
            stdout.Write(Render(report, missLimit));
        }

        return 0;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(CliJson.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    // The worst misses of every metric, at most `limit` each.
    private static IEnumerable<Miss> Worst(IReadOnlyList<Miss> misses, int limit) =>
        misses.GroupBy(m => m.Metric).SelectMany(g => g.OrderByDescending(m => m.Weight).ThenBy(m => m.Id, StringComparer.Ordinal).Take(limit));

    private static string Render(EvaluationReport r, int missLimit)
    {
        var inv = CultureInfo.InvariantCulture;
        var s = new System.Text.StringBuilder();
        s.AppendLine(inv, $"Rule set: {r.RuleSet}");
        s.AppendLine();
        s.AppendLine(inv, $"Root causes vs rootcause_labels.jsonl ({r.RootCauses.Count} rows)");
        foreach (var (cause, score) in r.RootCauses.PerCause)
        {
            s.AppendLine(inv, $"  {cause,-14} P {score.Precision:0.000}  R {score.Recall:0.000}  F1 {score.F1:0.000}  (tp {score.TruePositives}, fp {score.FalsePositives}, fn {score.FalseNegatives})");
        }

        s.AppendLine(inv, $"  macro-F1            {r.RootCauses.MacroF1:0.000}   (target >= 0.80)");
        s.AppendLine(inv, $"  primary accuracy    {r.RootCauses.PrimaryAccuracy:0.000}   (target >= 0.75)");
        s.AppendLine(inv, $"  [same rows] conflict accuracy {r.RootCauses.ConflictAccuracy:0.000}, severity Spearman {r.RootCauses.SeveritySpearman:0.000}");
        s.AppendLine();
        var v = r.VentingVsAnger;
        s.AppendLine(inv, $"Venting vs tweet emotion == anger ({v.Count} tweets)");
        s.AppendLine(inv, $"  P {v.Precision:0.000}  R {v.Recall:0.000}  F1 {v.F1:0.000}   (target F1 >= 0.70; tp {v.TruePositives}, fp {v.FalsePositives}, fn {v.FalseNegatives})");
        s.AppendLine();
        s.AppendLine(inv, $"Intensity vs tweet human severity ({r.Intensity.Count} tweets)");
        s.AppendLine(inv, $"  Spearman {r.Intensity.Spearman:0.000}   (target >= 0.5)");
        s.AppendLine();
        s.AppendLine(inv, $"Top customer-facing remedy class vs CFPB company response ({r.Remedy.Count} complaints)");
        s.AppendLine(inv, $"  accuracy {r.Remedy.Accuracy:0.000}   majority baseline {r.Remedy.MajorityBaseline:0.000}   (target >= 0.65)");
        s.AppendLine(inv, $"  gold {Counts(r.Remedy.Gold)}; predicted {Counts(r.Remedy.Predicted)}");
        s.AppendLine();
        s.AppendLine(inv, $"Conflict type vs 黑猫 categories ({r.HeimaoConflict.Count} complaints)");
        s.AppendLine(inv, $"  accuracy {r.HeimaoConflict.Accuracy:0.000}   Cohen's kappa {r.HeimaoConflict.Kappa:0.000}   (target accuracy >= 0.65)");
        foreach (var (gold, line) in r.HeimaoConflict.Confusion.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            s.AppendLine(inv, $"  {gold,-16} -> {Counts(line)}");
        }

        s.AppendLine();
        var c = r.Coverage;
        s.AppendLine(inv, $"Coverage on Chinese reviews ({c.Count} reviews; each with evidence)");
        s.AppendLine(inv, $"  with a cause {c.WithCause:P0}   with a conflict type {c.WithConflict:P0}   both {c.Both:P0}   (target 100 %)");
        if (missLimit > 0 && r.Misses.Count > 0)
        {
            s.AppendLine();
            s.AppendLine(inv, $"Worst misses (up to {missLimit} per metric)");
            foreach (var m in Worst(r.Misses, missLimit))
            {
                s.AppendLine(inv, $"  {m.Metric,-22} {m.Id,-20} gold {m.Gold,-24} predicted {m.Predicted}");
            }
        }

        return s.ToString();
    }

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        string.Join(", ", counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
