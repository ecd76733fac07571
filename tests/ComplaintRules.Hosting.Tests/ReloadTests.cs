using Microsoft.Extensions.Diagnostics.HealthChecks;
using Xunit.Abstractions;

namespace ComplaintRules.Hosting.Tests;

public class ReloadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_valid_edit_is_swapped_in_and_an_invalid_one_keeps_the_last_good_rules()
    {
        using var file = new TempRuleFile(TempRuleFile.Versioned(1));
        using var provider = Provider(file, reloadOnChange: false);
        var analyzer = new ComplaintAnalyzer(provider);

        file.Write(TempRuleFile.Versioned(2));
        Assert.True(await provider.ReloadAsync());
        Assert.Equal("2", analyzer.RuleSet.Version);

        file.Write(TempRuleFile.Invalid(3));
        Assert.False(await provider.ReloadAsync());
        Assert.Equal("2", analyzer.RuleSet.Version);
        Assert.True(provider.Status.IsDegraded);
        Assert.Contains("rule 'v3.cause'", provider.Status.LastError, StringComparison.Ordinal);
        Assert.Equal(1, provider.Status.FailedReloads);
        var health = await new ComplaintRulesHealthCheck(provider).CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Degraded, health.Status);

        file.Write(TempRuleFile.Versioned(2));
        Assert.False(await provider.ReloadAsync()); // identical to what serves: skipped, and no longer degraded
        Assert.False(provider.Status.IsDegraded);
        Assert.Equal(1, provider.Status.Reloads);
    }

    [Fact]
    public async Task Saving_the_file_reloads_it_after_the_delay()
    {
        using var file = new TempRuleFile(TempRuleFile.Versioned(1));
        using var provider = Provider(file, reloadOnChange: true);
        var reloaded = new TaskCompletionSource<RuleSetStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.StatusChanged += (_, status) => reloaded.TrySetResult(status);

        file.Write(TempRuleFile.Versioned(5));
        var status = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("5", status.Version);
        Assert.Equal("5", provider.Current.Version);
    }

    [Fact]
    public async Task Under_load_every_result_comes_from_one_snapshot_and_invalid_versions_never_serve()
    {
        const int Versions = 60;
        using var file = new TempRuleFile(TempRuleFile.Versioned(0));
        using var provider = Provider(file, reloadOnChange: false);
        var analyzer = new ComplaintAnalyzer(provider);
        var stop = 0;
        long requests = 0;
        var mixed = 0;
        var invalidServed = 0;

        var workers = Enumerable.Range(0, Environment.ProcessorCount + 1).Select(_ => Task.Run(() =>
        {
            while (Volatile.Read(ref stop) == 0)
            {
                var assessment = analyzer.Analyze(TempRuleFile.Complaint);
                Interlocked.Increment(ref requests);
                var versions = assessment.Trace.Select(t => t.RuleId.Split('.')[0]).Distinct().ToList();
                if (versions.Count != 1)
                {
                    Interlocked.Increment(ref mixed);
                }
                else if (int.Parse(versions[0][1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 1)
                {
                    Interlocked.Increment(ref invalidServed);
                }
            }
        })).ToArray();

        var swapped = 0;
        for (var v = 1; v <= Versions; v++)
        {
            file.Write(v % 2 == 0 ? TempRuleFile.Versioned(v) : TempRuleFile.Invalid(v)); // odd versions are invalid
            swapped += await provider.ReloadAsync() ? 1 : 0;
        }

        Volatile.Write(ref stop, 1);
        await Task.WhenAll(workers);

        output.WriteLine($"reload attempts {Versions}, swapped {swapped}, rejected {provider.Status.FailedReloads}, requests {requests}, mixed {mixed}, invalid served {invalidServed}");
        Assert.Equal(0, mixed);
        Assert.Equal(0, invalidServed);
        Assert.Equal(Versions / 2, swapped);
        Assert.Equal(Versions / 2, provider.Status.FailedReloads);
        Assert.Equal(Versions.ToString(System.Globalization.CultureInfo.InvariantCulture), provider.Current.Version);
        Assert.True(requests > Versions, $"only {requests} requests ran");
    }

    private static FileRuleSetProvider Provider(TempRuleFile file, bool reloadOnChange)
    {
        var options = new ComplaintRulesOptions { UseDefaultRules = false, ReloadOnChange = reloadOnChange, ReloadDelay = TimeSpan.FromMilliseconds(100) };
        options.RuleFiles.Add(file.Path);
        return new FileRuleSetProvider(options);
    }
}
