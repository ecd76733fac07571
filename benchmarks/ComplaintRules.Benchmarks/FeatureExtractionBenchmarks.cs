using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Features;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// Feature extraction alone (the default rule set's lexicons), and its parts: normalisation, phrase matching,
/// language detection. Extraction minus normalisation and matching is the markers, negation and counting.
/// </summary>
[MemoryDiagnoser]
public class FeatureExtractionBenchmarks
{
    private FeatureExtractor _extractor = null!;
    private Complaint _complaint = null!;
    private string _language = "";
    private char[] _normalized = [];
    private int[] _map = [];

    [Params("zh-typical", "en-typical")]
    public string Sample { get; set; } = "en-typical";

    [GlobalSetup]
    public void Setup()
    {
        _extractor = ComplaintRuleSet.Default.Extractor;
        _complaint = Samples.ComplaintOf(Sample);
        _language = FeatureExtractor.DetectLanguage(_complaint.Text);
        _normalized = new char[_complaint.Text.Length + 1];
        _map = new int[_complaint.Text.Length + 1];
    }

    /// <summary>As the analyzer calls it: a pooled hit list sized for the text, then every signal counted.</summary>
    [Benchmark(Baseline = true)]
    public object Extract() // the facts type is internal; the benchmark only needs the result kept alive
    {
        using var hits = new SignalHitList(64, (4 * _complaint.Text.Length) + 1024);
        return _extractor.Extract(_complaint, _complaint.Text, _language, hits);
    }

    [Benchmark]
    public int Normalize() => TextNormalizer.Normalize(_complaint.Text, _normalized, _map);

    [Benchmark]
    public int NormalizeAndMatchPhrases()
    {
        var n = TextNormalizer.Normalize(_complaint.Text, _normalized, _map);
        var sink = new CountingSink();
        _extractor.Matcher.Match(_normalized.AsSpan(0, n), ref sink);
        return sink.Count;
    }

    [Benchmark]
    public string DetectLanguage() => FeatureExtractor.DetectLanguage(_complaint.Text);
}

/// <summary>Counts phrase matches.</summary>
internal struct CountingSink : IPhraseSink
{
    public int Count;

    public void OnMatch(int family, int start, int length) => Count++;
}
