using System.Diagnostics;
using System.Globalization;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// <c>--cold-start</c>: in this fresh process, <c>new ComplaintAnalyzer()</c> (the embedded default rule set loaded)
/// and the first <c>Analyze</c>, timed once each; benchmarks/cold-start.sh runs it several times and takes medians.
/// BenchmarkDotNet warms everything up, so a first call can only be measured like this.
/// </summary>
internal static class ColdStart
{
    public static void Run()
    {
        var start = Stopwatch.GetTimestamp();
        var analyzer = new ComplaintAnalyzer();
        var created = Stopwatch.GetTimestamp();
        var assessment = analyzer.Analyze(new Complaint
        {
            Id = "cold-1",
            Text = "I was told at the branch that this account had no monthly fee. Now I see a $12 maintenance fee every month.",
        });
        var analysed = Stopwatch.GetTimestamp();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ctor {Stopwatch.GetElapsedTime(start, created).TotalMilliseconds:F1} first-analyze {Stopwatch.GetElapsedTime(created, analysed).TotalMilliseconds:F1} total {Stopwatch.GetElapsedTime(start, analysed).TotalMilliseconds:F1} ms ({assessment.PrimaryCause.ToString()})"));
    }
}
