using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Features;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// Finding every phrase occurrence in 5,000 normalised characters: the library's Aho–Corasick automaton against
/// <see cref="System.Buffers.SearchValues{T}"/> of strings plus a check of the phrases starting where it stops.
/// Both report the same occurrences (checked in setup).
/// </summary>
[MemoryDiagnoser]
public class PhraseMatcherBenchmarks
{
    private PhraseMatcher _ahoCorasick = null!;
    private SearchValuesMatcher _searchValues = null!;
    private char[] _text = [];

    /// <summary>Phrases in all lexicons; 100 means the snapshot as it is (its ~110 phrases).</summary>
    [Params(100, 1_000, 10_000)]
    public int Phrases { get; set; } = 1_000;

    [Params("zh", "en")]
    public string Language { get; set; } = "en";

    [GlobalSetup]
    public void Setup()
    {
        var ruleSet = ComplaintRuleSet.Load(RuleSets.WithPhrases(Phrases));
        _ahoCorasick = ruleSet.Extractor.Matcher;
        _searchValues = new SearchValuesMatcher(RuleSets.PhrasesOf(RuleSets.WithPhrases(Phrases), ruleSet.Extractor.Signals));
        var text = Samples.Text(Language, Samples.LongLength, exact: true);
        var normalized = new char[text.Length];
        var n = TextNormalizer.Normalize(text, normalized, new int[text.Length]);
        _text = normalized[..n];
        if (AhoCorasick() != SearchValues())
        {
            throw new InvalidOperationException($"The matchers disagree: Aho–Corasick finds {AhoCorasick()} occurrences, SearchValues {SearchValues()}.");
        }
    }

    [Benchmark(Baseline = true)]
    public int AhoCorasick()
    {
        var sink = new CountingSink();
        _ahoCorasick.Match(_text, ref sink);
        return sink.Count;
    }

    [Benchmark]
    public int SearchValues() => _searchValues.Count(_text);
}
