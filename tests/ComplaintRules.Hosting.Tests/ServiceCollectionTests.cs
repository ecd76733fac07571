using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Hosting.Tests;

public class ServiceCollectionTests
{
    [Fact]
    public void AddComplaintRules_registers_a_singleton_analyzer_over_the_default_rules()
    {
        using var provider = new ServiceCollection().AddComplaintRules().Services.BuildServiceProvider();

        var analyzer = provider.GetRequiredService<ComplaintAnalyzer>();

        Assert.Same(analyzer, provider.GetRequiredService<ComplaintAnalyzer>());
        Assert.Equal(ComplaintRuleSet.Default.Hash, analyzer.RuleSet.Hash);
        Assert.Equal(RootCause.RightsClaim, analyzer.Analyze(new Complaint { Id = "1", Text = "I demand a refund or I will sue." }).PrimaryCause);
    }

    [Fact]
    public void Registrations_can_be_replaced_by_the_host()
    {
        var mine = new ComplaintAnalyzer(ComplaintRuleSet.Default);
        var services = new ServiceCollection();
        services.AddSingleton(mine);

        services.AddComplaintRules();
        services.AddComplaintRules(); // a second call only adds configuration
        using var provider = services.BuildServiceProvider();

        Assert.Same(mine, provider.GetRequiredService<ComplaintAnalyzer>());
        Assert.Single(services, d => d.ServiceType == typeof(FileRuleSetProvider));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<ComplaintRulesOptions>));
    }

    [Fact]
    public void Builder_layers_files_and_sources_in_order()
    {
        using var file = new TempRuleFile(TempRuleFile.Versioned(7));
        using var provider = new ServiceCollection()
            .AddComplaintRules()
            .WithoutDefaultRules()
            .AddRuleFile(file.Path)
            .Services.BuildServiceProvider();

        var assessment = provider.GetRequiredService<ComplaintAnalyzer>().Analyze(TempRuleFile.Complaint);

        Assert.All(assessment.Trace, t => Assert.StartsWith("v7.", t.RuleId, StringComparison.Ordinal));
        Assert.Equal(Severity.Serious, assessment.Severity);
    }

    [Fact]
    public void Options_bind_from_configuration()
    {
        using var file = new TempRuleFile(TempRuleFile.Versioned(3));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ComplaintRules:UseDefaultRules"] = "false",
            ["ComplaintRules:RuleFiles:0"] = file.Path,
            ["ComplaintRules:Analyzer:MaxTextLength"] = "50",
            ["ComplaintRules:Analyzer:MaxFieldLength"] = "4",
            ["ComplaintRules:Analyzer:DefaultLanguage"] = "zh",
        }).Build();
        var services = new ServiceCollection();
        services.AddOptions<ComplaintRulesOptions>().Bind(configuration.GetSection(ComplaintRulesOptions.SectionName));
        services.AddComplaintRules();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<ComplaintRulesOptions>>().Value;
        var assessment = provider.GetRequiredService<ComplaintAnalyzer>().Analyze(new Complaint { Id = "1", Text = new string('a', 60) + " refund", Product = "mortgage" });

        Assert.False(options.UseDefaultRules);
        Assert.Equal([file.Path], options.RuleFiles);
        Assert.Equal("3", provider.GetRequiredService<FileRuleSetProvider>().Current.Version);
        Assert.Equal("zh", assessment.Language);
        Assert.Contains(assessment.Warnings, w => w.Message.Contains("truncated", StringComparison.Ordinal));
        Assert.DoesNotContain(assessment.Trace, t => t.RuleId == "v3.cause"); // "refund" lies past the limit
        Assert.Contains(assessment.Warnings, w => w.Code == WarningCodes.FieldTruncated && w.Message == "product truncated from 8 to 4 characters (MaxFieldLength)");
    }

    [Fact]
    public async Task A_bad_rule_file_fails_host_start_with_file_line_and_rule()
    {
        using var file = new TempRuleFile(TempRuleFile.Invalid(1));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddComplaintRules().AddRuleFile(file.Path);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = Assert.Single(error.Failures);
        Assert.Contains($"{file.Path}:", message, StringComparison.Ordinal);
        Assert.Contains("rule 'v1.cause'", message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'refund'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_reported_by_name()
    {
        using var provider = new ServiceCollection()
            .AddComplaintRules(o =>
            {
                o.Analyzer.MaxTextLength = 0;
                o.Analyzer.MaxFieldLength = 0;
                o.Analyzer.DefaultLanguage = "fr";
            }).Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ComplaintRulesOptions>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("MaxTextLength", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("ComplaintRulesOptions.Analyzer.MaxFieldLength", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("DefaultLanguage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_start_compiles_the_rule_set_before_the_first_request()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddComplaintRules();
        using var host = builder.Build();

        await host.StartAsync();
        var status = host.Services.GetRequiredService<FileRuleSetProvider>().Status;
        await host.StopAsync();

        Assert.Equal(ComplaintRuleSet.Default.Hash, status.Hash);
        Assert.False(status.IsDegraded);
    }
}
