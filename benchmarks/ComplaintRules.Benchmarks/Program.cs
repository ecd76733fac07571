using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

if (args is ["--cold-start"])
{
    ComplaintRules.Benchmarks.ColdStart.Run();
    return;
}

if (args is ["--loop", var sample, var seconds])
{
    ComplaintRules.Benchmarks.QuickChecks.Loop(sample, double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (args is ["--warm-load"] or ["--steady"])
{
    if (args[0] == "--warm-load")
    {
        ComplaintRules.Benchmarks.QuickChecks.WarmLoad();
    }
    else
    {
        ComplaintRules.Benchmarks.QuickChecks.Steady();
    }

    return;
}

// The targets are medians, so the median is always shown next to the mean.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.Median);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
