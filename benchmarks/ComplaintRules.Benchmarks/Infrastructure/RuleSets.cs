using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplaintRules.Benchmarks.Infrastructure;

/// <summary>The rule sets the benchmarks run: the frozen snapshot of the default, and generated ones for the scaling runs.</summary>
public static class RuleSets
{
    /// <summary>The name of the frozen copy of the default rule set.</summary>
    public const string SnapshotName = "default.snapshot.rules.json";

    private static readonly string[] s_languages = ["zh", "en"];
    private static readonly string[] s_generatedDecisions = ["causes", "intensity", "conflicts", "severity", "remedies"];
    private static readonly JsonDocumentOptions s_jsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions s_writeOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The snapshot document's text.</summary>
    public static string SnapshotJson { get; } = Samples.Resource("Rules." + SnapshotName);

    /// <summary>The source of the snapshot, as a host would pass a rule file.</summary>
    public static RuleSetSource Snapshot => RuleSetSource.FromJson(SnapshotJson, SnapshotName);

    /// <summary>The number of lexicon phrases in the snapshot.</summary>
    public static int SnapshotPhraseCount => Lexicons(Parse()).Sum(l => Count(l.Value!["zh"]) + Count(l.Value!["en"]));

    /// <summary>
    /// The snapshot with generated lexicons added until the rule set holds <paramref name="phrases"/> phrases in all,
    /// half Chinese and half English. The phrases are built from the words and characters of the sample sentences,
    /// so the automaton walks deep into them on complaint text, as real lexicons do; few of them match in full.
    /// </summary>
    public static RuleSetSource WithPhrases(int phrases, int seed = 42)
    {
        var document = Parse();
        var lexicons = Lexicons(document);
        var missing = phrases - SnapshotPhraseCount;
        if (missing <= 0)
        {
            return RuleSetSource.FromJson(document.ToJsonString(s_writeOptions), $"phrases-{Samples.Invariant(phrases)}.rules.json");
        }

        var random = new Random(seed);
        var words = Samples.Sentences("en")
            .SelectMany(s => s.Split(' ', ',', '.', '!', '?'))
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length >= 3 && w.All(char.IsAsciiLetter))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        var characters = Samples.Sentences("zh")
            .SelectMany(s => s)
            .Where(c => c is >= '\u4E00' and <= '\u9FFF')
            .Distinct()
            .ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        const int lexiconCount = 20;
        var generated = Enumerable.Range(0, lexiconCount).Select(_ => (Zh: new JsonArray(), En: new JsonArray())).ToArray();
        for (var i = 0; i < missing;)
        {
            var chinese = i % 2 == 0;
            var phrase = chinese
                ? new string(Enumerable.Range(0, 3 + random.Next(2)).Select(_ => characters[random.Next(characters.Length)]).ToArray())
                : $"{words[random.Next(words.Length)]} {words[random.Next(words.Length)]}";
            if (!seen.Add(phrase))
            {
                continue;
            }

            var target = generated[i % lexiconCount];
            (chinese ? target.Zh : target.En).Add(phrase);
            i++;
        }

        for (var l = 0; l < lexiconCount; l++)
        {
            lexicons[$"generated_{Samples.Invariant(l)}"] = new JsonObject { ["zh"] = generated[l].Zh, ["en"] = generated[l].En };
        }

        return RuleSetSource.FromJson(document.ToJsonString(s_writeOptions), $"phrases-{Samples.Invariant(phrases)}.rules.json");
    }

    /// <summary>
    /// The snapshot's lexicons and catalogue with <paramref name="count"/> generated rules instead of its own, spread over
    /// causes, intensity, conflicts, severity and remedies, with conditions shaped like the default's (signal counts,
    /// boolean combinations, complaint fields, earlier outcomes).
    /// </summary>
    public static RuleSetSource WithRules(int count, int seed = 7)
    {
        var document = Parse();
        var signals = Lexicons(document).Select(l => l.Key).Where(n => n != "negation")
            .Concat(["exclamation_mark", "exclamation_run", "caps_word"]).ToArray();
        var remedies = ((JsonObject)document["remedyCatalog"]!).Select(r => r.Key).ToArray();
        string[] conflictTypes = ["price", "service_quality", "communication", "policy", "collections"];
        var random = new Random(seed);
        string Signal() => signals[random.Next(signals.Length)];
        string Number(int max) => Samples.Invariant(1 + random.Next(max));

        var lists = s_generatedDecisions.ToDictionary(d => d, _ => new JsonArray(), StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var decision = (i % 5) switch { 0 => "causes", 1 => "intensity", 2 => "conflicts", 3 => "severity", _ => "remedies" };
            var laterDecision = decision is "severity" or "remedies";
            var when = (random.Next(laterDecision ? 7 : 5)) switch
            {
                0 => $"Has(\"{Signal()}\")",
                1 => $"Count(\"{Signal()}\") + Count(\"{Signal()}\") >= {Number(3)}",
                2 => $"Has(\"{Signal()}\") && !Has(\"{Signal()}\")",
                3 => $"Count(\"{Signal()}\") >= {Number(2)} || Negated(\"{Signal()}\") > 0",
                4 => $"Has(\"{Signal()}\") && (Amount >= {Number(5000)} || Channel == \"branch\")",
                5 => $"PrimaryCause == \"venting\" && Has(\"{Signal()}\")",
                _ => $"Intensity >= {Number(3)} || Conflict == \"price\"",
            };
            var id = $"generated.{decision}.{Samples.Invariant(i)}";
            var rule = new JsonObject { ["id"] = id, ["when"] = when };
            switch (decision)
            {
                case "causes":
                    rule["cause"] = (i / 5 % 3) switch { 0 => "expectation", 1 => "rights_claim", _ => "venting" };
                    rule["weight"] = 0.05 + (random.Next(10) / 20.0);
                    break;
                case "intensity":
                    rule["points"] = 1;
                    break;
                case "conflicts":
                    rule["type"] = conflictTypes[i / 5 % conflictTypes.Length];
                    rule["subtype"] = "generated";
                    rule["weight"] = 0.05 + (random.Next(10) / 20.0);
                    break;
                case "severity":
                    rule["level"] = random.Next(4) == 0 ? "serious" : "standard";
                    rule["reason"] = new JsonObject { ["en"] = "Generated rule" };
                    break;
                default:
                    rule["remedy"] = remedies[i / 5 % remedies.Length];
                    rule["priority"] = random.Next(100);
                    rule["reason"] = new JsonObject { ["en"] = "Generated rule" };
                    break;
            }

            lists[decision].Add(rule);
        }

        var rules = new JsonObject();
        foreach (var (decision, list) in lists)
        {
            rules[decision] = list;
        }

        document["rules"] = rules;
        return RuleSetSource.FromJson(document.ToJsonString(s_writeOptions), $"rules-{Samples.Invariant(count)}.rules.json");
    }

    /// <summary>
    /// The snapshot with a sentiment-style lexicon of <paramref name="words"/> single English words (one in ten of the
    /// sample sentences' words, so a complaint matches a few, inflections of the others, which share their prefixes
    /// with the text, then made-up words) read by two rules, and, with
    /// <paramref name="nearPatterns"/>, the proximity patterns of a failed everyday action ("can't log in", "无法登录").
    /// </summary>
    public static RuleSetSource WithWordLexicon(int words, bool nearPatterns, int seed = 11)
    {
        var document = Parse();
        var lexicons = Lexicons(document);
        var causes = (JsonArray)document["rules"]!["causes"]!;
        if (words > 0)
        {
            var list = new JsonArray();
            foreach (var word in WordList(words, seed))
            {
                list.Add(word);
            }

            lexicons["sentiment_negative"] = new JsonObject { ["en"] = list };
            causes.Add(new JsonObject { ["id"] = "bench.sentiment.venting", ["when"] = "Count(\"sentiment_negative\") >= 3", ["cause"] = "venting", ["weight"] = 0.3 });
            causes.Add(new JsonObject { ["id"] = "bench.sentiment.expectation", ["when"] = "Has(\"sentiment_negative\") && !Has(\"refund_demand\")", ["cause"] = "expectation", ["weight"] = 0.2 });
        }

        if (nearPatterns)
        {
            lexicons["bench_inability"] = JsonNode.Parse("""{ "en": ["can't", "cannot", "unable to", "won't", "no longer", "still not"], "zh": ["不了", "不能", "无法", "没法", "还没"] }""");
            lexicons["bench_action"] = JsonNode.Parse("""{ "en": ["log in", "withdraw", "receive*", "use", "pay", "transfer*"], "zh": ["刷", "登录", "提现", "到账", "使用", "支付"] }""");
            lexicons["bench_failed_action"] = JsonNode.Parse("""
                { "near": [ { "first": "bench_inability", "then": "bench_action", "within": 3 },
                            { "first": "bench_action", "then": "bench_inability", "within": 2, "language": "zh" } ] }
                """);
            causes.Add(new JsonObject { ["id"] = "bench.failed_action", ["when"] = "Has(\"bench_failed_action\")", ["cause"] = "expectation", ["weight"] = 0.4 });
        }

        return RuleSetSource.FromJson(document.ToJsonString(s_writeOptions), $"words-{Samples.Invariant(words)}{(nearPatterns ? "-near" : "")}.rules.json");
    }

    private static HashSet<string> WordList(int count, int seed)
    {
        var random = new Random(seed);
        var baseWords = Samples.Sentences("en")
            .SelectMany(s => s.Split(' ', ',', '.', '!', '?'))
            .Select(w => w.ToLowerInvariant())
            .Where(w => w.Length >= 3 && w.All(char.IsAsciiLetter))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        string[] suffixes = ["", "s", "ed", "ing", "ly", "ness", "less", "ful", "er", "est", "able"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var suffix in suffixes)
        {
            foreach (var word in baseWords)
            {
                if (seen.Count == count)
                {
                    return seen;
                }

                if (suffix.Length > 0 || random.Next(10) == 0)
                {
                    seen.Add(word + suffix);
                }
            }
        }

        while (seen.Count < count)
        {
            seen.Add(new string(Enumerable.Range(0, 4 + random.Next(6)).Select(_ => (char)('a' + random.Next(26))).ToArray()));
        }

        return seen;
    }

    /// <summary>Every lexicon phrase of a document with its signal index, as the loader hands them to the matcher.</summary>
    internal static IEnumerable<(string Phrase, int Signal)> PhrasesOf(RuleSetSource source, Features.SignalTable signals)
    {
        var document = (JsonObject)JsonNode.Parse(source.Read(), documentOptions: s_jsonOptions)!;
        foreach (var (name, lexicon) in Lexicons(document))
        {
            foreach (var language in s_languages)
            {
                if (lexicon![language] is JsonArray phrases)
                {
                    foreach (var phrase in phrases)
                    {
                        yield return (phrase!.GetValue<string>(), signals.Index[name]);
                    }
                }
            }
        }
    }

    private static JsonObject Parse() => (JsonObject)JsonNode.Parse(SnapshotJson, documentOptions: s_jsonOptions)!;

    private static JsonObject Lexicons(JsonObject document) => (JsonObject)document["lexicons"]!;

    private static int Count(JsonNode? list) => list is JsonArray array ? array.Count : 0;
}
