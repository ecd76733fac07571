using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ComplaintRules.Evaluation;
using ComplaintRules.Features;

namespace ComplaintRules.Testing;

/// <summary>How <see cref="TieBreakTrainer"/> learns and writes a tie-break.</summary>
public sealed record TieBreakOptions
{
    /// <summary>Complaints a gram must occur in (in any class) to be kept; rarer grams say more about their writers than about causes.</summary>
    public int MinCount { get; init; } = 20;

    /// <summary>The section's <c>weight</c>: the most the tie-break adds to or takes from a cause, for ordering.</summary>
    public double Weight { get; init; } = TieBreak.DefaultWeight;

    /// <summary>
    /// The section's <c>presence</c>: the most the lean takes from the score of a cause the rules found, against the
    /// threshold; a cause taken below it is dropped (never the last). 0 (the default) leaves presence to the rules.
    /// </summary>
    public double Presence { get; init; }

    /// <summary>The section's <c>scale</c>: the sum of gram weights at which the lean reaches about three quarters of the weight.</summary>
    public double Scale { get; init; } = TieBreak.DefaultScale;

    /// <summary>
    /// When given, each gram also gets a weight towards "a complaint" rather than "no complaint", and a text in which the
    /// rules find no cause is a complaint when those weights sum above this; <see langword="null"/> (the default): no detection.
    /// </summary>
    public double? Detect { get; init; }

    /// <summary>
    /// The section's <c>leads</c>: a short complaint in which the rules find causes but not one of these has it too when
    /// its grams' weights towards it lead both other causes' by more than its level; <see langword="null"/> (the default): none.
    /// </summary>
    public IReadOnlyDictionary<RootCause, double>? Leads { get; init; }

    /// <summary>Written as the section's <c>trainedOn</c>: where the labels came from.</summary>
    public string? TrainedOn { get; init; }
}

/// <summary>A trained tie-break, as a rule layer to put after the rules it orders.</summary>
public sealed class TieBreakLayer
{
    internal TieBreakLayer(int rows, int english, int chinese, string json) => (Rows, EnglishGrams, ChineseGrams, Json) = (rows, english, chinese, json);

    /// <summary>The complaints with a primary cause that it learned from.</summary>
    public int Rows { get; }

    /// <summary>English grams kept.</summary>
    public int EnglishGrams { get; }

    /// <summary>Chinese grams kept.</summary>
    public int ChineseGrams { get; }

    /// <summary>The rule layer: a document with a <c>tieBreak</c> section only.</summary>
    public string Json { get; }
}

/// <summary>
/// Learns a <c>tieBreak</c> section from complaints labelled with their primary cause: for every gram that occurs in
/// at least <see cref="TieBreakOptions.MinCount"/> of them, the log-odds that a complaint holding it has each cause as
/// its primary one against any other label (naive Bayes over presence, add-one smoothing). Deterministic: the same
/// labelled complaints give the same file, byte for byte.
/// </summary>
public static class TieBreakTrainer
{
    private static readonly RootCause[] s_classes = [RootCause.Expectation, RootCause.RightsClaim, RootCause.Venting, RootCause.None];
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Trains on the complaints that carry a primary cause; the others are passed over.</summary>
    public static TieBreakLayer Train(IEnumerable<LabelledComplaint> complaints, TieBreakOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        options ??= new TieBreakOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MinCount, 1, nameof(options));
        var perClass = new int[s_classes.Length];
        var counts = new Dictionary<(bool Chinese, string Gram), int[]>();
        var rows = 0;
        foreach (var labelled in complaints)
        {
            if (labelled.Expect.PrimaryCause is not { } primary)
            {
                continue;
            }

            var text = labelled.Complaint.Text ?? "";
            var chinese = (labelled.Complaint.Language ?? FeatureExtractor.DetectLanguage(text)) == "zh";
            var c = Array.IndexOf(s_classes, primary);
            perClass[c]++;
            rows++;
            foreach (var gram in TieBreakGrams.Written(text, chinese).Distinct(StringComparer.Ordinal))
            {
                var key = (chinese, gram);
                if (!counts.TryGetValue(key, out var byClass))
                {
                    counts[key] = byClass = new int[s_classes.Length];
                }

                byClass[c]++;
            }
        }

        var kept = counts.Where(p => p.Value.Sum() >= options.MinCount)
            .Select(p => (p.Key.Chinese, p.Key.Gram, Weights: LogOdds(p.Value, perClass)))
            .ToList();
        var json = Write(kept, rows, options);
        return new TieBreakLayer(rows, kept.Count(k => !k.Chinese), kept.Count(k => k.Chinese), json);
    }

    // log P(gram | cause) / P(gram | any other label), per cause, over presence with add-one smoothing; then
    // log P(gram | a complaint) / P(gram | no complaint), the same way (the last class is "none").
    private static double[] LogOdds(int[] byClass, int[] perClass)
    {
        var (total, all) = (byClass.Sum(), perClass.Sum());
        var weights = new double[4];
        for (var c = 0; c < 3; c++)
        {
            var inClass = (byClass[c] + 1.0) / (perClass[c] + 2.0);
            var elsewhere = (total - byClass[c] + 1.0) / (all - perClass[c] + 2.0);
            weights[c] = Math.Round(Math.Log(inClass / elsewhere), 2);
        }

        var none = s_classes.Length - 1;
        var inComplaint = (total - byClass[none] + 1.0) / (all - perClass[none] + 2.0);
        var inNone = (byClass[none] + 1.0) / (perClass[none] + 2.0);
        weights[3] = Math.Round(Math.Log(inComplaint / inNone), 2);
        return weights;
    }

    private static string Write(List<(bool Chinese, string Gram, double[] Weights)> grams, int rows, TieBreakOptions options)
    {
        // One gram a line, in ordinal order: a diff of two trainings shows what moved.
        var s = new StringBuilder();
        static string Str(string value) => JsonSerializer.Serialize(value, s_json);
        static string Num(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
        s.Append("{\n  \"description\": \"A tie-break learned by complaint-rules tiebreak: layer it after the rules it orders.\",\n");
        s.Append("  \"tieBreak\": {\n");
        var learned = options.Detect is null
            ? "Gram weights towards expectation, rights claim and venting (log-odds of the primary cause"
            : "Gram weights towards expectation, rights claim, venting and a complaint (log-odds of the primary cause, and of a complaint against none";
        s.Append("    \"description\": ").Append(Str($"{learned}, naive Bayes over presence) from {rows} labelled complaints; grams in at least {options.MinCount} of them.")).Append(",\n");
        if (options.TrainedOn is { } trainedOn)
        {
            s.Append("    \"trainedOn\": ").Append(Str(trainedOn)).Append(",\n");
        }

        s.Append("    \"weight\": ").Append(Num(options.Weight)).Append(",\n");
        s.Append("    \"presence\": ").Append(Num(options.Presence)).Append(",\n");
        s.Append("    \"scale\": ").Append(Num(options.Scale));
        if (options.Detect is { } detect)
        {
            s.Append(",\n    \"detect\": ").Append(Num(detect));
        }

        if (options.Leads is { Count: > 0 } leads)
        {
            var byCause = TieBreak.Causes.Where(leads.ContainsKey).Select(c => $"{Str(c.Name())}: {Num(leads[c])}");
            s.Append(",\n    \"leads\": { ").Append(string.Join(", ", byCause)).Append(" }");
        }

        foreach (var (language, chinese) in new[] { ("en", false), ("zh", true) })
        {
            var these = grams.Where(g => g.Chinese == chinese).OrderBy(g => g.Gram, StringComparer.Ordinal).ToList();
            s.Append(",\n    \"").Append(language).Append("\": {");
            for (var i = 0; i < these.Count; i++)
            {
                var (_, gram, w) = these[i];
                s.Append(i == 0 ? "\n" : ",\n").Append("      ").Append(Str(gram)).Append(": [").Append(Num(w[0])).Append(", ")
                    .Append(Num(w[1])).Append(", ").Append(Num(w[2]));
                if (options.Detect is not null)
                {
                    s.Append(", ").Append(Num(w[3]));
                }

                s.Append(']');
            }

            s.Append(these.Count == 0 ? "}" : "\n    }");
        }

        s.Append("\n  }\n}\n");
        return s.ToString();
    }
}
