using System.Globalization;
using System.Text;
using ComplaintRules.Testing;

namespace ComplaintRules.Cli.Commands;

/// <summary>The <c>score</c> report as text: one block per label, then the worst misses.</summary>
internal static class ScoreText
{
    public static string Render(ScoreReport r)
    {
        var s = new StringBuilder();
        Line(s, $"Rule set {r.RuleSet}, {r.Rows} labelled complaints");
        Classification(s, "Primary cause", r.PrimaryCause);
        if (r.Causes is { } causes)
        {
            Line(s, $"\nCauses present ({causes.N} complaints)   macro-F1 {causes.MacroF1:0.000}");
            foreach (var (cause, c) in causes.PerCause)
            {
                Line(s, $"  {cause,-14} P {c.Precision:0.000}  R {c.Recall:0.000}  F1 {c.F1:0.000}   (n {c.N}, tp {c.TruePositives}, fp {c.FalsePositives}, fn {c.FalseNegatives})");
            }
        }

        Classification(s, "Conflict type", r.ConflictType);
        Ordinal(s, "Severity", r.Severity);
        Ordinal(s, "Intensity", r.Intensity);
        Classification(s, "Remedy class", r.RemedyClass);
        if (r.IsComplaint is { } isComplaint)
        {
            Line(s, $"\nComplaint or not ({isComplaint.N} complaints)   accuracy {isComplaint.Accuracy:0.000}   P {isComplaint.Precision:0.000}  R {isComplaint.Recall:0.000}  F1 {isComplaint.F1:0.000}");
        }

        Line(s, $"\nEvidence coverage ({r.Coverage.N} complaints)   cause {r.Coverage.WithCause:P0}   conflict {r.Coverage.WithConflict:P0}   both {r.Coverage.Both:P0}");
        if (r.Misses.Count > 0)
        {
            Line(s, $"\nWorst misses ({r.Misses.Count})");
            foreach (var miss in r.Misses)
            {
                s.Append(Miss(miss));
            }
        }

        return s.ToString();
    }

    /// <summary>One miss: line, id, each wrong decision, and the rules of those decisions that fired with the facts they read.</summary>
    public static string Miss(ScoreMiss miss)
    {
        var s = new StringBuilder();
        Line(s, $"  line {miss.Line}  {miss.Id}");
        foreach (var e in miss.Errors)
        {
            Line(s, $"    {e.Decision,-13} expected {e.Expected,-26} actual {e.Actual}");
        }

        foreach (var rule in miss.Rules)
        {
            Line(s, $"      fired {rule.RuleId} -> {rule.Outcome}   {string.Join(", ", rule.Reads)}");
        }

        return s.ToString();
    }

    private static void Classification(StringBuilder s, string title, ClassificationScore? c)
    {
        if (c is null)
        {
            return;
        }

        Line(s, $"\n{title} ({c.N} complaints)   accuracy {c.Accuracy:0.000}   kappa {c.Kappa:0.000}   macro-F1 {c.MacroF1:0.000}   majority baseline {c.MajorityBaseline:0.000}");
        foreach (var (label, k) in c.PerClass)
        {
            Line(s, $"  {label,-16} P {k.Precision:0.000}  R {k.Recall:0.000}  F1 {k.F1:0.000}   (labelled {k.Support})");
        }

        Line(s, $"  confusion (label -> predicted):");
        foreach (var (gold, row) in c.Confusion)
        {
            Line(s, $"    {gold,-16} {string.Join(", ", row.Select(p => $"{p.Key} {p.Value}"))}");
        }
    }

    private static void Ordinal(StringBuilder s, string title, OrdinalScore? o)
    {
        if (o is not null)
        {
            Line(s, $"\n{title} ({o.N} complaints)   accuracy {o.Accuracy:0.000}   Spearman {o.Spearman:0.000}");
        }
    }

    private static void Line(StringBuilder s, FormattableString text) => s.AppendLine(text.ToString(CultureInfo.InvariantCulture));
}
