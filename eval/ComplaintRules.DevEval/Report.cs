using System.Globalization;
using System.Text;
using ComplaintRules.Testing;

namespace ComplaintRules.DevEval;

/// <summary>Prints the development numbers: every metric of the default rule set's targets, per split.</summary>
internal static class Report
{
    public static readonly string[] Splits = ["train", "validation", "all"];

    // One line of the table: its label and how to read it from a split's group reports ("" when not measured).
    private sealed record Metric(string Label, Func<IReadOnlyDictionary<string, ScoreReport>, string> Cell);

    private static readonly Metric[] s_metrics =
    [
        new("root causes: rows labelled", r => N(r["rootcause"].Causes?.N)),
        new("  root-cause macro-F1", r => F(r["rootcause"].Causes?.MacroF1)),
        new("  expectation F1 (P / R)", r => Prf(r["rootcause"].Causes?.PerCause, "expectation")),
        new("  rights claim F1 (P / R)", r => Prf(r["rootcause"].Causes?.PerCause, "rights_claim")),
        new("  venting F1 (P / R)", r => Prf(r["rootcause"].Causes?.PerCause, "venting")),
        new("  primary cause accuracy / kappa", r => Pair(r["rootcause"].PrimaryCause?.Accuracy, r["rootcause"].PrimaryCause?.Kappa)),
        new("  conflict type accuracy / kappa", r => Pair(r["rootcause"].ConflictType?.Accuracy, r["rootcause"].ConflictType?.Kappa)),
        new("  severity Spearman", r => F(r["rootcause"].Severity?.Spearman)),
        new("tweets: rows", r => N(r["tweets"].Rows)),
        new("  venting vs anger F1 (P / R)", r => Prf(r["tweets"].Causes?.PerCause, "venting")),
        new("  intensity vs severity Spearman", r => F(r["tweets"].Intensity?.Spearman)),
        new("  complaint detection F1 (P / R)", r => Prf(r["tweets"].IsComplaint)),
        new("CFPB: rows", r => N(r["cfpb"].RemedyClass?.N)),
        new("  remedy class accuracy / majority", r => Pair(r["cfpb"].RemedyClass?.Accuracy, r["cfpb"].RemedyClass?.MajorityBaseline)),
        new("黑猫: rows", r => N(r["heimao"].ConflictType?.N)),
        new("  conflict accuracy / kappa", r => Pair(r["heimao"].ConflictType?.Accuracy, r["heimao"].ConflictType?.Kappa)),
        new("reviews: rows", r => N(r["reviews"].Rows)),
        new("  with cause and conflict (evidence)", r => r["reviews"].Rows == 0 ? "" : Invariant($"{r["reviews"].Coverage.Both * 100:0.0} %")),
    ];

    public static string Table(ComplaintRuleSet ruleSet, string dataDirectory, Dictionary<string, Dictionary<string, ScoreReport>> reports)
    {
        var s = new StringBuilder();
        s.AppendLine(Invariant($"Rule set {ruleSet.Name} {ruleSet.Version} ({ruleSet.RuleCount} rules) on {Path.GetFileName(dataDirectory.TrimEnd('/', '\\'))}"));
        s.AppendLine();
        s.AppendLine(Invariant($"{"metric",-40}{"train",-22}{"validation",-22}{"all",-22}"));
        foreach (var metric in s_metrics)
        {
            s.AppendLine(Invariant($"{Pad(metric.Label, 40)}{metric.Cell(reports["train"]),-22}{metric.Cell(reports["validation"]),-22}{metric.Cell(reports["all"]),-22}"));
        }

        s.AppendLine();
        s.AppendLine("root causes by source: rows, primary / conflict accuracy");
        foreach (var file in DevData.RootCauseSources)
        {
            s.AppendLine(Invariant($"{Pad("  " + file, 40)}{BySourceCell(reports["train"], file),-22}{BySourceCell(reports["validation"], file),-22}{BySourceCell(reports["all"], file),-22}"));
        }

        s.AppendLine();
        s.AppendLine("Tune on train; validation numbers are aggregates only (its README).");
        return s.ToString();
    }

    public static string Json(ComplaintRuleSet ruleSet, Dictionary<string, Dictionary<string, ScoreReport>> reports)
    {
        var s = new StringBuilder();
        s.Append(Invariant($"{{\"ruleSet\": \"{ruleSet.Name} {ruleSet.Version}\", \"splits\": {{"));
        s.AppendJoin(", ", reports.Select(split =>
            Invariant($"\"{split.Key}\": {{") + string.Join(", ", split.Value.Select(g => Invariant($"\"{g.Key}\": {g.Value.ToJson()}"))) + "}"));
        s.AppendLine("}}");
        return s.ToString();
    }

    /// <summary>The worst misses of every group on one split: id, file and line, expected, actual, the rules that fired.</summary>
    public static string Misses(ComplaintScorer scorer, Dictionary<string, List<DevComplaint>> data, string split, int limit)
    {
        var s = new StringBuilder();
        foreach (var (group, rows) in data)
        {
            var inSplit = rows.Where(r => split == "all" || r.Split == split).ToList();
            var files = inSplit.ToDictionary(r => r.Labelled.Complaint.Id, r => r.File, StringComparer.Ordinal);
            var report = scorer.Score(inSplit.Select(r => r.Labelled), limit);
            s.AppendLine();
            s.AppendLine(Invariant($"Worst {split} misses: {group} ({report.Misses.Count})"));
            foreach (var miss in report.Misses)
            {
                s.AppendLine(Invariant($"  {miss.Id}  ({files[miss.Id]}:{miss.Line})"));
                foreach (var e in miss.Errors)
                {
                    s.AppendLine(Invariant($"    {e.Decision,-13} expected {e.Expected,-26} actual {e.Actual}"));
                }

                foreach (var rule in miss.Rules)
                {
                    s.AppendLine(Invariant($"      fired {rule.RuleId} -> {rule.Outcome}   {string.Join(", ", rule.Reads)}"));
                }
            }
        }

        return s.ToString();
    }

    /// <summary>The key of a source file's root-cause rows among a split's reports.</summary>
    public static string BySource(string file) => "rootcause:" + file;

    private static string BySourceCell(Dictionary<string, ScoreReport> split, string file) =>
        split[BySource(file)] is { PrimaryCause: { } primary } report
            ? Invariant($"{primary.N}: {F(primary.Accuracy)} / {F(report.ConflictType?.Accuracy)}")
            : "";

    // Chinese characters take two columns in a terminal.
    private static string Pad(string text, int width) => text + new string(' ', Math.Max(1, width - text.Sum(c => c >= '\u2E80' ? 2 : 1)));

    private static string N(int? n) => n is { } v ? v.ToString(CultureInfo.InvariantCulture) : "";

    private static string F(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "";

    private static string Pair(double? a, double? b) => a is null ? "" : $"{F(a)} / {F(b)}";

    private static string Prf(IReadOnlyDictionary<string, ClassScore>? perCause, string cause) =>
        perCause is not null && perCause.TryGetValue(cause, out var score) ? Prf(score) : "";

    private static string Prf(ClassScore? c) => c is null ? "" : $"{F(c.F1)} ({F(c.Precision)} / {F(c.Recall)})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
