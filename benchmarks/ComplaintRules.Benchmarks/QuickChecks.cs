using System.Diagnostics;
using System.Globalization;
using ComplaintRules.Benchmarks.Infrastructure;
using ComplaintRules.Rules;

namespace ComplaintRules.Benchmarks;

/// <summary>
/// Two quick checks that compare builds side by side on a shared machine, where a BenchmarkDotNet run moves by more
/// than the change: the fastest of many short batches is the least disturbed figure.
/// <c>--warm-load</c>: the default rule set loaded from its documents in a warm process, best and median of 15: after
/// 20 loads, and again once the JIT has settled (a round of loads that compiles no method).
/// <c>--steady</c>: <c>Analyze</c> per typical complaint once in steady use, fastest of 60 batches of 500.
/// <c>--loop SAMPLE SECONDS</c>: <c>Analyze</c> on one sample and nothing else for a while, for a profiler to sample.
/// </summary>
internal static class QuickChecks
{
    public static void WarmLoad()
    {
        // After 20 loads the loader's own methods are still being recompiled (tiered JIT with profiling: about 3,000
        // methods over the first 200 loads, on the core the automaton is built on), so best of 15 then is a process
        // still warming up. Shown first, as before; then loads until a round of 25 compiles no method, and best of 15.
        for (var i = 0; i < 20; i++)
        {
            LoadedRuleSets.Clear();
            ComplaintRuleSet.Load(RuleSetSource.Default);
        }

        Console.Write("after 20 loads: ");
        Measure();
        var loads = 20;
        long compiled;
        do
        {
            compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < 25; i++, loads++)
            {
                LoadedRuleSets.Clear();
                ComplaintRuleSet.Load(RuleSetSource.Default);
            }
        }
        while (System.Runtime.JitInfo.GetCompiledMethodCount() > compiled && loads < 2_000);

        Console.Write(string.Create(CultureInfo.InvariantCulture, $"after {loads} loads, JIT settled: "));
        Measure();
    }

    private static void Measure()
    {
        var times = new List<double>();
        long allocated = 0;
        var collections = 0;
        for (var i = 0; i < 15; i++)
        {
            LoadedRuleSets.Clear();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var (bytes, gen0) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0));
            var start = Stopwatch.GetTimestamp();
            ComplaintRuleSet.Load(RuleSetSource.Default);
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            (allocated, collections) = (allocated + GC.GetTotalAllocatedBytes(precise: true) - bytes, collections + GC.CollectionCount(0) - gen0);
        }

        times.Sort();
        // Allocation and collections too: a load that allocates past the gen0 budget pays a collection inside it.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load best {times[0]:F2} median {times[7]:F2} ms, allocated {allocated / 15 / 1e6:F1} MB and {collections / 15.0:F1} gen0 collections a load"));
    }

    public static void Steady()
    {
        var analyzer = new ComplaintAnalyzer();
        foreach (var sample in new[] { "en-typical", "zh-typical" })
        {
            var complaint = Samples.ComplaintOf(sample);
            for (var i = 0; i < 30_000; i++)
            {
                analyzer.Analyze(complaint);
            }

            Thread.Sleep(200); // conditions compile on a pool thread once in steady use; tiered JIT settles
            for (var i = 0; i < 10_000; i++)
            {
                analyzer.Analyze(complaint);
            }

            var best = double.MaxValue;
            for (var batch = 0; batch < 60; batch++)
            {
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < 500; i++)
                {
                    analyzer.Analyze(complaint);
                }

                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds / 500);
            }

            Console.Write(string.Create(CultureInfo.InvariantCulture, $"{sample} {best:F2} µs  "));
        }

        Console.WriteLine();
    }

    public static void Loop(string sample, double seconds)
    {
        var analyzer = new ComplaintAnalyzer();
        var complaint = Samples.ComplaintOf(sample);
        var (calls, start) = (0L, Stopwatch.GetTimestamp());
        while (Stopwatch.GetElapsedTime(start).TotalSeconds < seconds)
        {
            for (var i = 0; i < 1_000; i++, calls++)
            {
                analyzer.Analyze(complaint);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{sample}: {calls} calls, {Stopwatch.GetElapsedTime(start).TotalMicroseconds / calls:F2} µs a call on average (warm-up included)"));
    }
}
