using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Evaluation;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// The default rule set's tie-break on a typical complaint: reading the text's grams alone (baseline: hashing, no
/// lookup), and reading them with a lookup of each in the table (what the evaluator pays when two causes are close).
/// The post samples are the longest texts read for the leads (<see cref="TieBreak.LeadMaxLength"/>
/// characters): what a calm complaint of that length pays when its causes are not close.
/// </summary>
[MemoryDiagnoser]
public class TieBreakBenchmarks
{
    private TieBreak _table = null!;
    private string _text = "";
    private bool _chinese;
    private readonly double[] _sums = new double[4];

    [Params("zh-typical", "en-typical", "zh-post", "en-post")]
    public string Sample { get; set; } = "zh-typical";

    [GlobalSetup]
    public void Setup()
    {
        _table = ComplaintRuleSet.Default.TieBreak ?? throw new InvalidOperationException("the default rule set has no tie-break");
        _chinese = Sample.StartsWith("zh", StringComparison.Ordinal);
        _text = Sample.EndsWith("-post", StringComparison.Ordinal)
            ? Samples.Text(_chinese ? "zh" : "en", TieBreak.LeadMaxLength, exact: true)
            : Samples.ComplaintOf(Sample).Text;
    }

    [Benchmark(Baseline = true)]
    public ulong ReadGrams()
    {
        var reader = new HashSum();
        TieBreakGrams.Read(_text, _chinese, ref reader);
        return reader.Sum;
    }

    [Benchmark]
    public double Sum() => _table.Sum(_text, _chinese, _sums);

    private struct HashSum : IGramVisitor
    {
        public ulong Sum;

        public void OnGram(ulong hash, int start, int end) => Sum += hash;
    }
}
