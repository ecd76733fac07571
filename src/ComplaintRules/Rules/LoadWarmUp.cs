using ComplaintRules.Features;

namespace ComplaintRules.Rules;

/// <summary>
/// The first load of a process starts, on a pool thread, first-use work that its own thread would otherwise meet later:
/// the telemetry types (their event sources are most of it, ~8 ms) and the condition compiler's expression machinery
/// (type loading and JIT, much of the first condition's cost). The load reads and parses its documents meanwhile, which
/// needs neither, so on two cores a cold start waits for less. Once a process; a failure here changes nothing, since the
/// load then meets the same work itself.
/// </summary>
internal static class LoadWarmUp
{
    private static int s_started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref s_started, 1) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => Run(), null);
        }
    }

    private static void Run()
    {
        try
        {
            _ = ComplaintRulesTelemetry.ActivitySource.HasListeners();
            var signals = new SignalTable(["warm_up", "warm_up_too"], [true, false]);
            new RuleExpressionCompiler().Compile(
                "Has(\"warm_up\") && !Has(\"warm_up_too\") && Count(\"warm_up\") + Count(\"warm_up_too\") >= 2 && Language == \"en\" && Length < 300",
                Decision.Causes, signals);
        }
        catch (Exception)
        {
            // Nothing was built that anyone reads: the load compiles its own conditions and reports its own errors.
        }
    }
}
