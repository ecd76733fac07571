using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ComplaintRules.Benchmarks.Infrastructure;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// Writing one assessment of a typical complaint as JSON, as the command line's batch does (a reused buffer, the
/// relaxed encoder): the full profile (baseline) against the compact one. Analysing is left out: the assessment is made once.
/// </summary>
[MemoryDiagnoser]
public class AssessmentJsonBenchmarks
{
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly ArrayBufferWriter<byte> _buffer = new(16_384);
    private ComplaintAssessment _assessment = null!;

    [Params("zh-typical", "en-typical")]
    public string Sample { get; set; } = "en-typical";

    [GlobalSetup]
    public void Setup() => _assessment = new ComplaintAnalyzer(ComplaintRuleSet.Default).Analyze(Samples.ComplaintOf(Sample));

    [Benchmark(Baseline = true)]
    public int Full() => Write(AssessmentJsonProfile.Full);

    [Benchmark]
    public int Compact() => Write(AssessmentJsonProfile.Compact);

    private int Write(AssessmentJsonProfile profile)
    {
        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer, s_options))
        {
            ComplaintJson.Write(writer, _assessment, profile);
        }

        return _buffer.WrittenCount;
    }
}
