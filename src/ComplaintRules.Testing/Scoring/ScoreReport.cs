using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ComplaintRules.Testing;

/// <summary>The scores of a rule set on labelled complaints; a metric is <see langword="null"/> when no complaint carries its label.</summary>
public sealed record ScoreReport
{
    /// <summary>The rule set's name and version.</summary>
    public string RuleSet { get; internal init; } = "";

    /// <summary>Complaints scored.</summary>
    public int Rows { get; internal init; }

    /// <summary>The primary cause.</summary>
    public ClassificationScore? PrimaryCause { get; internal init; }

    /// <summary>Each root cause present or absent.</summary>
    public CauseScores? Causes { get; internal init; }

    /// <summary>The main conflict type (<c>other</c> when none).</summary>
    public ClassificationScore? ConflictType { get; internal init; }

    /// <summary>The business severity.</summary>
    public OrdinalScore? Severity { get; internal init; }

    /// <summary>The emotional intensity.</summary>
    public OrdinalScore? Intensity { get; internal init; }

    /// <summary>The outcome class of the first explanation, non-monetary or monetary remedy.</summary>
    public ClassificationScore? RemedyClass { get; internal init; }

    /// <summary>Complaint or not, predicted as <c>primaryCause != none</c>.</summary>
    public ClassScore? IsComplaint { get; internal init; }

    /// <summary>Evidence coverage over every complaint (needs no label).</summary>
    public CoverageScore Coverage { get; internal init; } = new();

    /// <summary>The worst misses, worst first.</summary>
    public IReadOnlyList<ScoreMiss> Misses { get; internal init; } = [];

    /// <summary>The report as one JSON object: <c>ruleSet</c>, <c>rows</c>, <c>metrics.&lt;label&gt;.…</c> and <c>misses</c>; numbers rounded to 4 places.</summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("ruleSet", RuleSet);
            w.WriteNumber("rows", Rows);
            w.WriteStartObject("metrics");
            WriteClassification(w, "primaryCause", PrimaryCause);
            if (Causes is { } causes)
            {
                w.WriteStartObject("causes");
                w.WriteNumber("n", causes.N);
                Number(w, "macroF1", causes.MacroF1);
                w.WriteStartObject("perCause");
                foreach (var (cause, score) in causes.PerCause)
                {
                    WriteClass(w, cause, score, withCounts: true);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            WriteClassification(w, "conflictType", ConflictType);
            WriteOrdinal(w, "severity", Severity);
            WriteOrdinal(w, "intensity", Intensity);
            WriteClassification(w, "remedyClass", RemedyClass);
            if (IsComplaint is { } isComplaint)
            {
                WriteClass(w, "isComplaint", isComplaint, withCounts: true);
            }

            w.WriteStartObject("coverage");
            w.WriteNumber("n", Coverage.N);
            Number(w, "withCause", Coverage.WithCause);
            Number(w, "withConflict", Coverage.WithConflict);
            Number(w, "both", Coverage.Both);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("misses");
            foreach (var miss in Misses)
            {
                WriteMiss(w, miss);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Finds a number of the JSON report by its dotted path, e.g. <c>metrics.primaryCause.accuracy</c>.</summary>
    /// <param name="path">The dotted path.</param>
    /// <param name="value">The number.</param>
    /// <returns>Whether the path names a number of this report.</returns>
    public bool TryGetMetric(string path, out double value)
    {
        ArgumentNullException.ThrowIfNull(path);
        value = 0;
        using var document = JsonDocument.Parse(ToJson());
        var node = document.RootElement;
        foreach (var part in path.Split('.'))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(part, out node))
            {
                return false;
            }
        }

        if (node.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        value = node.GetDouble();
        return true;
    }

    private static void Number(Utf8JsonWriter w, string name, double value) =>
        w.WriteNumber(name, Math.Round(value, 4, MidpointRounding.AwayFromZero));

    private static void WriteClassification(Utf8JsonWriter w, string name, ClassificationScore? score)
    {
        if (score is null)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("n", score.N);
        Number(w, "accuracy", score.Accuracy);
        Number(w, "kappa", score.Kappa);
        Number(w, "macroF1", score.MacroF1);
        Number(w, "majorityBaseline", score.MajorityBaseline);
        w.WriteStartObject("perClass");
        foreach (var (label, classScore) in score.PerClass)
        {
            WriteClass(w, label, classScore, withCounts: false);
        }

        w.WriteEndObject();
        w.WriteStartObject("confusion");
        foreach (var (gold, row) in score.Confusion)
        {
            w.WriteStartObject(gold);
            foreach (var (predicted, count) in row)
            {
                w.WriteNumber(predicted, count);
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteClass(Utf8JsonWriter w, string name, ClassScore score, bool withCounts)
    {
        w.WriteStartObject(name);
        if (withCounts)
        {
            w.WriteNumber("n", score.N);
        }

        Number(w, "precision", score.Precision);
        Number(w, "recall", score.Recall);
        Number(w, "f1", score.F1);
        w.WriteNumber("support", score.Support);
        if (withCounts)
        {
            w.WriteNumber("truePositives", score.TruePositives);
            w.WriteNumber("falsePositives", score.FalsePositives);
            w.WriteNumber("falseNegatives", score.FalseNegatives);
        }

        w.WriteEndObject();
    }

    private static void WriteOrdinal(Utf8JsonWriter w, string name, OrdinalScore? score)
    {
        if (score is null)
        {
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("n", score.N);
        Number(w, "accuracy", score.Accuracy);
        Number(w, "spearman", score.Spearman);
        w.WriteEndObject();
    }

    private static void WriteMiss(Utf8JsonWriter w, ScoreMiss miss)
    {
        w.WriteStartObject();
        w.WriteNumber("line", miss.Line);
        w.WriteString("id", miss.Id);
        Number(w, "weight", miss.Weight);
        w.WriteStartArray("errors");
        foreach (var e in miss.Errors)
        {
            w.WriteStartObject();
            w.WriteString("decision", e.Decision);
            w.WriteString("expected", e.Expected);
            w.WriteString("actual", e.Actual);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rules");
        foreach (var rule in miss.Rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.RuleId);
            w.WriteString("decision", rule.Decision);
            w.WriteString("outcome", rule.Outcome);
            w.WriteStartArray("reads");
            foreach (var read in rule.Reads)
            {
                w.WriteStringValue(read.ToString());
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A one-line summary of the headline numbers.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{RuleSet}: {Rows} rows, primary cause accuracy {PrimaryCause?.Accuracy:0.000}, cause macro-F1 {Causes?.MacroF1:0.000}, conflict accuracy {ConflictType?.Accuracy:0.000}");
}
