using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Hosting.Tests;

/// <summary>Every option is validated when the host starts, and each failure names its option.</summary>
public class OptionsValidationTests
{
    public static TheoryData<string, string> InvalidSettings => new()
    {
        { "Analyzer.MaxTextLength=0", "MaxTextLength" },
        { "Analyzer.MaxFieldLength=0", "MaxFieldLength" },
        { "Analyzer.MaxDemandLength=0", "MaxDemandLength" },
        { "Analyzer.MaxAttributeValueLength=-1", "MaxAttributeValueLength" },
        { "Analyzer.MaxEntries=0", "MaxEntries" },
        { "Analyzer.DefaultLanguage=fr", "DefaultLanguage" },
        { "Analyzer.Deadlines.AcknowledgementTargets=-1", "AcknowledgementTargets" },
        { "Analyzer.Deadlines.DefaultRegime=XX-NONE", "DefaultRegime: 'XX-NONE' is not a regime of the rule set" },
        { "Monitor.MaxTrackedCustomers=0", "MaxTrackedCustomers" },
        { "Monitor.MaxCategoriesPerRule=0", "MaxCategoriesPerRule" },
        { "Monitor.BucketsPerWindow=0", "BucketsPerWindow" },
        { "Monitor.BucketsPerWindow=1001", "BucketsPerWindow" },
        { "ReloadDelay=-1", "ReloadDelay" },
        { "ReloadPollInterval=-1", "ReloadPollInterval" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public async Task An_invalid_option_fails_host_start_naming_the_option(string setting, string option)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddComplaintRules(o => Apply(o, setting));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(error.Failures);
        Assert.Contains(option, failure, StringComparison.Ordinal);
    }

    [Property(MaxTest = 60)]
    public bool Host_validation_and_the_analyzer_agree_on_every_limit(int value, byte which)
    {
        var limits = new Action<ComplaintAnalyzerOptions, int>[]
        {
            (o, v) => o.MaxTextLength = v, (o, v) => o.MaxFieldLength = v, (o, v) => o.MaxDemandLength = v,
            (o, v) => o.MaxAttributeValueLength = v, (o, v) => o.MaxEntries = v,
        };
        var set = limits[which % limits.Length];
        var direct = new ComplaintAnalyzerOptions();
        set(direct, value);
        var analyzerAccepts = Accepts(() => _ = new ComplaintAnalyzer(ComplaintRuleSet.Default, direct));

        var hosted = new ComplaintRulesOptions();
        set(hosted.Analyzer, value);
        var hostAccepts = !new ComplaintRulesOptionsAnnotations().Validate(null, hosted).Failed;
        return analyzerAccepts == hostAccepts && hostAccepts == value >= 1;
    }

    [Property(MaxTest = 40)]
    public bool Host_validation_and_the_monitor_agree_on_its_limits(int value, byte which)
    {
        var limits = new Action<ComplaintMonitorOptions, int>[]
        {
            (o, v) => o.MaxTrackedCustomers = v, (o, v) => o.MaxCategoriesPerRule = v, (o, v) => o.BucketsPerWindow = v,
        };
        var set = limits[which % limits.Length];
        var direct = new ComplaintMonitorOptions();
        set(direct, value);
        var monitorAccepts = Accepts(() => _ = new ComplaintMonitor(ComplaintRuleSet.Default, options: direct));

        var hosted = new ComplaintRulesOptions();
        set(hosted.Monitor, value);
        return monitorAccepts == !new ComplaintRulesOptionsAnnotations().Validate(null, hosted).Failed;
    }

    [Fact]
    public void The_library_registers_no_clock_and_the_analyzer_and_monitor_use_the_hosts()
    {
        var services = new ServiceCollection();
        services.AddComplaintRules()
            .AddRuleSource(RuleSetSource.FromJson("""{ "alerts": { "burst": { "type": "volume", "dimension": "severity", "window": "1h", "threshold": 2 } } }"""));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TimeProvider));

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        services.AddSingleton<TimeProvider>(clock);
        services.Configure<ComplaintRulesOptions>(o => o.Analyzer.Deadlines.DefaultRegime = "UK-FCA");
        using var provider = services.BuildServiceProvider();

        var complaint = new Complaint { Id = "c", Text = "I was charged twice." };
        var assessment = provider.GetRequiredService<ComplaintAnalyzer>().Analyze(complaint);
        var monitor = provider.GetRequiredService<ComplaintMonitor>();

        Assert.Equal(clock.GetUtcNow().AddDays(56).Date, assessment.Deadlines.Single(d => d.Kind == DeadlineKind.FinalResponse).Due!.Value.Date);
        Assert.Empty(monitor.Record(complaint, assessment));
        var second = complaint with { Id = "d" };
        Assert.Single(monitor.Record(second, provider.GetRequiredService<ComplaintAnalyzer>().Analyze(second)));
    }

    private static bool Accepts(Action create)
    {
        try
        {
            create();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Apply(ComplaintRulesOptions o, string setting)
    {
        var (name, value) = (setting[..setting.IndexOf('=', StringComparison.Ordinal)], setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        int Number() => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        switch (name)
        {
            case "Analyzer.MaxTextLength": o.Analyzer.MaxTextLength = Number(); break;
            case "Analyzer.MaxFieldLength": o.Analyzer.MaxFieldLength = Number(); break;
            case "Analyzer.MaxDemandLength": o.Analyzer.MaxDemandLength = Number(); break;
            case "Analyzer.MaxAttributeValueLength": o.Analyzer.MaxAttributeValueLength = Number(); break;
            case "Analyzer.MaxEntries": o.Analyzer.MaxEntries = Number(); break;
            case "Analyzer.DefaultLanguage": o.Analyzer.DefaultLanguage = value; break;
            case "Analyzer.Deadlines.DefaultRegime": o.Analyzer.Deadlines.DefaultRegime = value; break;
            case "Analyzer.Deadlines.AcknowledgementTargets": o.Analyzer.Deadlines.AcknowledgementTargets["UK-FCA"] = new(Number(), DeadlineUnit.BusinessDays); break;
            case "Monitor.MaxTrackedCustomers": o.Monitor.MaxTrackedCustomers = Number(); break;
            case "Monitor.MaxCategoriesPerRule": o.Monitor.MaxCategoriesPerRule = Number(); break;
            case "Monitor.BucketsPerWindow": o.Monitor.BucketsPerWindow = Number(); break;
            case "ReloadDelay": o.ReloadDelay = TimeSpan.FromSeconds(Number()); break;
            case "ReloadPollInterval": o.ReloadPollInterval = TimeSpan.FromSeconds(Number()); break;
            default: throw new ArgumentException(setting, nameof(setting));
        }
    }
}
