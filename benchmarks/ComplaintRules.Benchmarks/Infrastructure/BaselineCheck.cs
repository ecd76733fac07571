using ComplaintRules.Benchmarks.Baselines;

namespace ComplaintRules.Benchmarks.Infrastructure;

/// <summary>Makes sure a baseline does the same work as the library before it is measured: same assessment, field for field.</summary>
internal static class BaselineCheck
{
    public static void SameAsLibrary(TriagePipeline baseline, ComplaintAnalyzer library, string name)
    {
        foreach (var sample in Samples.AllSizes)
        {
            var complaint = Samples.ComplaintOf(sample);
            var expected = ComplaintJson.Serialize(library.Analyze(complaint));
            var actual = ComplaintJson.Serialize(baseline.Analyze(complaint));
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The {name} baseline disagrees with the library on sample '{sample}'.{Environment.NewLine}library:  {expected}{Environment.NewLine}baseline: {actual}");
            }
        }
    }
}
