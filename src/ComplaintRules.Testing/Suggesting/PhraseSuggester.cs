using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintRules.Features;

namespace ComplaintRules.Testing;

/// <summary>
/// Mines candidate phrases that separate one label value from the rest (word 1–3-grams for English, character
/// 2–4-grams for Chinese). Candidates are chosen on the training folds and measured on the held-out fold, so the
/// support, precision and lift it reports are never those of the rows that chose them. It proposes; it never edits a
/// rule.
/// </summary>
public sealed class PhraseSuggester
{
    private readonly Dictionary<string, List<(string Lexicon, string Phrase)>> _lexicons;

    /// <summary>Reads the lexicons of the rule-set layers, to show the phrases each suggestion overlaps.</summary>
    /// <param name="sources">The layers, first to last.</param>
    public PhraseSuggester(IReadOnlyList<RuleSetSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _lexicons = LexiconPhrases(sources);
    }

    /// <summary>Suggests phrases for <paramref name="label"/>, best first.</summary>
    /// <param name="complaints">The labelled complaints; those without the label's field are left out.</param>
    /// <param name="label"><c>NAME=VALUE</c>, e.g. <c>conflictType=price</c>, <c>primaryCause=venting</c>, <c>causes.venting=true</c>.</param>
    /// <param name="options">Options; defaults when <see langword="null"/>.</param>
    /// <returns>The suggestions whose held-out precision beats the label's share, by the lower bound of that precision, then support.</returns>
    /// <exception cref="FormatException">The label is not <c>NAME=VALUE</c> of a known field.</exception>
    public IReadOnlyList<PhraseSuggestion> Suggest(IEnumerable<LabelledComplaint> complaints, string label, SuggestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(complaints);
        options ??= new SuggestOptions();
        var target = LabelSelector.Parse(label);
        var documents = new List<(HashSet<string> Grams, string Language, bool Positive)>();
        foreach (var c in complaints)
        {
            if (target(c.Expect) is not { } positive)
            {
                continue;
            }

            var text = TextNormalizer.NormalizePhrase(c.Complaint.Text);
            var language = c.Complaint.Language ?? FeatureExtractor.DetectLanguage(c.Complaint.Text);
            if (options.Language is null || options.Language == language)
            {
                documents.Add((NGrams.Of(text, language), language, positive));
            }
        }

        var folds = Folds(documents.Count, Math.Max(2, options.Folds), options.Seed);
        var stats = new Dictionary<string, (int Support, int Positives, int Folds, string Language)>(StringComparer.Ordinal);
        for (var k = 0; k < Math.Max(2, options.Folds); k++)
        {
            foreach (var gram in Candidates(documents, folds, k, options.MinSupport))
            {
                var (support, positives, chosen, language) = stats.GetValueOrDefault(gram);
                for (var i = 0; i < documents.Count; i++)
                {
                    if (folds[i] == k && documents[i].Grams.Contains(gram))
                    {
                        support++;
                        positives += documents[i].Positive ? 1 : 0;
                        language = documents[i].Language;
                    }
                }

                stats[gram] = (support, positives, chosen + 1, language ?? "");
            }
        }

        var baseRate = documents.Count == 0 ? 0 : (double)documents.Count(d => d.Positive) / documents.Count;
        return
        [
            .. WithoutRedundant(stats).Where(s => s.Value.Support > 0 && s.Value.Positives > 0)
                .Select(s => (Phrase: s.Key, s.Value, Bound: WilsonLowerBound(s.Value.Positives, s.Value.Support)))
                .Where(s => (double)s.Value.Positives / s.Value.Support > baseRate)
                .OrderByDescending(s => s.Bound).ThenByDescending(s => s.Value.Support).ThenBy(s => s.Phrase, StringComparer.Ordinal)
                .Take(options.Top)
                .Select(s => new PhraseSuggestion(s.Phrase, s.Value.Language, s.Value.Support, s.Value.Positives, (double)s.Value.Positives / s.Value.Support,
                    baseRate == 0 ? 0 : (double)s.Value.Positives / s.Value.Support / baseRate, s.Value.Folds, Overlaps(s.Phrase))),
        ];
    }

    /// <summary>A rule-set layer with the suggestions as one lexicon, for review; no rule reads it until someone writes one.</summary>
    /// <param name="suggestions">The suggestions.</param>
    /// <param name="lexicon">The lexicon's name (lower_snake_case).</param>
    /// <param name="description">What the lexicon is for.</param>
    /// <returns>The document.</returns>
    public static string ToLexiconLayer(IEnumerable<PhraseSuggestion> suggestions, string lexicon, string description)
    {
        ArgumentNullException.ThrowIfNull(suggestions);
        ArgumentException.ThrowIfNullOrWhiteSpace(lexicon);
        var list = suggestions.ToList();
        var entry = new JsonObject { ["description"] = description };
        foreach (var language in new[] { "zh", "en" })
        {
            var phrases = list.Where(s => s.Language == language).Select(s => (JsonNode?)s.Phrase).ToArray();
            if (phrases.Length > 0)
            {
                entry[language] = new JsonArray(phrases);
            }
        }

        var layer = new JsonObject { ["description"] = description, ["lexicons"] = new JsonObject { [lexicon] = entry } };
        return layer.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + Environment.NewLine;
    }

    // A gram inside a longer gram seen in exactly the same complaints adds nothing: keep the longer, which reads better
    // ("我不知情", not also "我不知" and "不知情" when they always occur together).
    private static IEnumerable<KeyValuePair<string, (int Support, int Positives, int Folds, string Language)>> WithoutRedundant(
        Dictionary<string, (int Support, int Positives, int Folds, string Language)> stats)
    {
        var byCounts = stats.ToLookup(s => (s.Value.Support, s.Value.Positives));
        return stats.Where(s => !byCounts[(s.Value.Support, s.Value.Positives)].Any(other =>
            other.Key.Length > s.Key.Length && other.Key.Contains(s.Key, StringComparison.Ordinal)));
    }

    // Grams in at least minSupport positive training documents, more frequent among positives than overall.
    private static List<string> Candidates(List<(HashSet<string> Grams, string Language, bool Positive)> documents, int[] folds, int heldOut, int minSupport)
    {
        var counts = new Dictionary<string, (int All, int Positive)>(StringComparer.Ordinal);
        int all = 0, positives = 0;
        for (var i = 0; i < documents.Count; i++)
        {
            if (folds[i] == heldOut)
            {
                continue;
            }

            all++;
            positives += documents[i].Positive ? 1 : 0;
            foreach (var gram in documents[i].Grams)
            {
                var (a, p) = counts.GetValueOrDefault(gram);
                counts[gram] = (a + 1, p + (documents[i].Positive ? 1 : 0));
            }
        }

        var baseRate = all == 0 ? 0 : (double)positives / all;
        return [.. counts.Where(c => c.Value.Positive >= Math.Max(1, minSupport) && (double)c.Value.Positive / c.Value.All > baseRate).Select(c => c.Key)];
    }

    // Wilson score interval's lower bound at 95 %: a precision seen on few complaints counts for less.
    private static double WilsonLowerBound(int positives, int n)
    {
        const double z = 1.96;
        var p = (double)positives / n;
        var centre = p + (z * z / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z * z / (4.0 * n * n)));
        return (centre - margin) / (1 + (z * z / n));
    }

    [SuppressMessage("Security", "CA5394:Do not use insecure randomness", Justification = "Fold assignment must be reproducible, not secret.")]
    private static int[] Folds(int count, int folds, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[count];
        for (var position = 0; position < count; position++)
        {
            fold[order[position]] = position % folds;
        }

        return fold;
    }

    private List<string> Overlaps(string phrase)
    {
        var overlaps = new List<string>();
        var chinese = phrase.Any(NGrams.IsHan);
        // English compares whole words ("bt" is not part of "debt"); Chinese compares characters.
        var padded = chinese ? phrase : $" {phrase} ";
        foreach (var (lexicon, existing) in _lexicons.GetValueOrDefault(chinese ? "zh" : "en") ?? [])
        {
            var other = chinese ? existing : $" {existing} ";
            if (other.Contains(padded, StringComparison.Ordinal) || padded.Contains(other, StringComparison.Ordinal))
            {
                overlaps.Add($"{lexicon}:{existing}");
            }
        }

        return overlaps;
    }

    private static Dictionary<string, List<(string, string)>> LexiconPhrases(IReadOnlyList<RuleSetSource> sources)
    {
        var phrases = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal) { ["zh"] = [], ["en"] = [] };
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var source in sources)
        {
            if (JsonNode.Parse(source.Read(), documentOptions: options) is not JsonObject { } document || document["lexicons"] is not JsonObject lexicons)
            {
                continue;
            }

            foreach (var (name, lexicon) in lexicons)
            {
                foreach (var language in new[] { "zh", "en" })
                {
                    foreach (var phrase in (lexicon?[language] as JsonArray ?? []).OfType<JsonValue>())
                    {
                        var text = TextNormalizer.NormalizePhrase(phrase.ToString().TrimEnd('*'));
                        if (text.Length > 0 && name != "negation")
                        {
                            phrases[language].Add((name, text.ToString(CultureInfo.InvariantCulture)));
                        }
                    }
                }
            }
        }

        return phrases;
    }
}
