using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ComplaintRules.Hosting.Tests;

/// <summary>A host with two rule sets: the unnamed one and one per name, each with its own options and services.</summary>
public class KeyedRegistrationTests
{
    [Fact]
    public async Task Each_name_serves_its_own_rule_set_beside_the_unnamed_one()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddComplaintRules();
        var cards = builder.Services.AddKeyedComplaintRules("cards", o => o.Analyzer.MaxFieldLength = 4)
            .WithoutDefaultRules()
            .AddRuleSource(RuleSetSource.FromJson(TempRuleFile.Versioned(2)));
        builder.Services.AddKeyedComplaintRules("loans").WithoutDefaultRules().AddRuleSource(RuleSetSource.FromJson(TempRuleFile.Versioned(3)));
        using var host = builder.Build();
        await host.StartAsync();

        var plain = host.Services.GetRequiredService<ComplaintAnalyzer>();
        var cardsAnalyzer = host.Services.GetRequiredKeyedService<ComplaintAnalyzer>("cards");
        var loansAnalyzer = host.Services.GetRequiredKeyedService<ComplaintAnalyzer>("loans");
        await host.StopAsync();

        Assert.Equal("cards", cards.Name);
        Assert.Equal(ComplaintRuleSet.Default.Hash, plain.RuleSet.Hash);
        Assert.Equal("2", cardsAnalyzer.RuleSet.Version);
        Assert.Equal("3", loansAnalyzer.RuleSet.Version);
        Assert.Contains("CR1002: product truncated from 8 to 4 characters (MaxFieldLength)",
            cardsAnalyzer.Analyze(TempRuleFile.Complaint with { Product = "mortgage" }).Warnings.Select(w => w.ToString()));
        Assert.DoesNotContain(plain.Analyze(TempRuleFile.Complaint with { Product = "mortgage" }).Warnings, w => w.Code == WarningCodes.FieldTruncated);
        Assert.Same(host.Services.GetRequiredKeyedService<FileRuleSetProvider>("cards"), host.Services.GetRequiredKeyedService<ComplaintRuleSetProvider>("cards"));
        Assert.NotSame(host.Services.GetRequiredService<ComplaintMonitor>(), host.Services.GetRequiredKeyedService<ComplaintMonitor>("cards"));
        Assert.NotNull(host.Services.GetRequiredKeyedService<ComplaintRulesHealthCheck>("loans"));
    }

    [Fact]
    public async Task A_bad_rule_file_under_a_name_fails_host_start()
    {
        using var file = new TempRuleFile(TempRuleFile.Invalid(1));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddComplaintRules();
        builder.Services.AddKeyedComplaintRules("cards").AddRuleFile(file.Path);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Equal("cards", error.OptionsName);
        Assert.Contains(file.Path, Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_a_name_twice_adds_configuration_only()
    {
        var services = new ServiceCollection();
        services.AddKeyedComplaintRules("cards").WithoutDefaultRules();
        services.AddKeyedComplaintRules("cards").AddRuleSource(RuleSetSource.FromJson(TempRuleFile.Versioned(4)));

        Assert.Single(services, d => d.IsKeyedService && Equals(d.ServiceKey, "cards") && d.ServiceType == typeof(ComplaintAnalyzer));
        using var provider = services.BuildServiceProvider();
        Assert.Equal("4", provider.GetRequiredKeyedService<ComplaintAnalyzer>("cards").RuleSet.Version);
    }
}
